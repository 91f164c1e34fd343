using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Notifications;

/// <summary>Emails through a real SMTP conversation with a server on loopback, and the outbox's retries.</summary>
public class SmtpEmailSenderTests
{
    /// <summary>Settings as the app reads them; a later one replaces an earlier one with the same key.</summary>
    private static IConfiguration Config(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (key, value) in settings) values[key] = value;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static SmtpSettings Local(TestSmtpServer server, string? user = null, string? password = null) =>
        new("127.0.0.1", server.Port, SecureSocketOptions.None, user, password, "safeguard@council.test", "Safeguard");

    [Fact]
    public void WithoutAHostEmailsAreOnlyLogged()
    {
        Assert.Null(SmtpSettings.From(Config()));
        Assert.Null(SmtpSettings.From(Config(("Notifications:Smtp:Host", " "))));
    }

    [Fact]
    public void DefaultsAreTheSubmissionPortWithStartTls()
    {
        var settings = SmtpSettings.From(Config(("Notifications:Smtp:Host", "smtp.council.test"), ("Notifications:Smtp:From", "safeguard@council.test")));
        Assert.Equal(new SmtpSettings("smtp.council.test", 587, SecureSocketOptions.StartTls, null, null, "safeguard@council.test", "Safeguard"), settings);
    }

    [Theory]
    [InlineData("Port", "twenty-five", "Notifications:Smtp:Port is 'twenty-five'; it must be a number from 1 to 65535.")]
    [InlineData("Port", "70000", "Notifications:Smtp:Port is '70000'; it must be a number from 1 to 65535.")]
    [InlineData("Security", "Tls", "Notifications:Smtp:Security is 'Tls'; it must be Auto, StartTls, StartTlsWhenAvailable, SslOnConnect or None.")]
    [InlineData("Security", "7", "Notifications:Smtp:Security is '7'; it must be Auto, StartTls, StartTlsWhenAvailable, SslOnConnect or None.")]
    [InlineData("From", "not an address", "Notifications:Smtp:From must be the address emails come from, such as safeguard@council.gov.uk.")]
    public void BadSettingsStopTheAppWithWhatToFix(string key, string value, string message)
    {
        var config = Config(("Notifications:Smtp:Host", "smtp.council.test"), ("Notifications:Smtp:From", "safeguard@council.test"),
            ($"Notifications:Smtp:{key}", value));
        Assert.Equal(message, Assert.Throws<InvalidOperationException>(() => SmtpSettings.From(config)).Message);
    }

    [Fact]
    public async Task AnEmailReachesTheServerAsPlainTextFromTheService()
    {
        await using var server = new TestSmtpServer { RequiredLogin = ("safeguard", "s3cret") };
        var sender = new SmtpEmailSender(Local(server, "safeguard", "s3cret"));

        await sender.SendAsync("duty@police.test", "A request for information from Safeguard",
            "Sign in to answer it: https://safeguard.test/partner", TestContext.Current.CancellationToken);

        var received = Assert.Single(server.Messages);
        Assert.Equal("safeguard@council.test", received.From);
        Assert.Equal(["duty@police.test"], received.To);
        Assert.Equal("safeguard:s3cret", received.Login);
        Assert.Contains("Subject: A request for information from Safeguard", received.Data, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/plain", received.Data, StringComparison.Ordinal);
        Assert.Contains("Sign in to answer it: https://safeguard.test/partner", received.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordOrARefusedMailboxIsAnError()
    {
        await using var server = new TestSmtpServer { RequiredLogin = ("safeguard", "s3cret") };
        server.RefusedRecipients.Add("gone@police.test");
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<AuthenticationException>(() =>
            new SmtpEmailSender(Local(server, "safeguard", "wrong")).SendAsync("duty@police.test", "S", "B", ct));
        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            new SmtpEmailSender(Local(server, "safeguard", "s3cret")).SendAsync("gone@police.test", "S", "B", ct));
        Assert.Contains("No such mailbox", refused.Message, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task TheOutboxRetriesAFailedEmailWithAGrowingWaitAndKeepsTheError()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var server = new TestSmtpServer();
        server.RefusedRecipients.Add("duty@police.test");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddScoped(_ => database.Open()).BuildServiceProvider();
        var outbox = new OutboxSender(services.GetRequiredService<IServiceScopeFactory>(), new SmtpEmailSender(Local(server)),
            Config(("Notifications:BaseUrl", "https://safeguard.test/")), clock, NullLogger<OutboxSender>.Instance);
        var ct = TestContext.Current.CancellationToken;

        await using (var db = database.Open())
        {
            await new Outbox(db, clock).AddAsync("duty@police.test", "Something to answer", "Sign in: {BaseUrl}/partner", ct);
        }

        Assert.Equal(0, await outbox.SendDueAsync(ct));
        var failed = await Single(database);
        Assert.Equal((1, new DateTime(2026, 11, 23, 9, 2, 0)), (failed.Attempts, failed.NextAttemptAtUtc));
        Assert.Contains("No such mailbox", failed.LastError, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await outbox.SendDueAsync(ct));   // not due again yet
        Assert.Equal(1, (await Single(database)).Attempts);

        server.RefusedRecipients.Clear();
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await outbox.SendDueAsync(ct));
        var sent = await Single(database);
        Assert.Equal((2, new DateTime(2026, 11, 23, 9, 2, 0), null, null), (sent.Attempts, sent.SentAtUtc, sent.NextAttemptAtUtc, sent.LastError));
        Assert.Contains("Sign in: https://safeguard.test/partner", Assert.Single(server.Messages).Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTenFailuresTheOutboxStopsTrying()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var server = new TestSmtpServer();
        server.RefusedRecipients.Add("gone@police.test");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddScoped(_ => database.Open()).BuildServiceProvider();
        var outbox = new OutboxSender(services.GetRequiredService<IServiceScopeFactory>(), new SmtpEmailSender(Local(server)),
            Config(), clock, NullLogger<OutboxSender>.Instance);
        var ct = TestContext.Current.CancellationToken;
        await using (var db = database.Open())
            await new Outbox(db, clock).AddAsync("gone@police.test", "S", "B", ct);

        for (var attempt = 1; attempt <= OutboxSender.MaxAttempts; attempt++)
        {
            await outbox.SendDueAsync(ct);
            clock.Advance(TimeSpan.FromDays(2));
        }

        var given = await Single(database);
        Assert.Equal((OutboxSender.MaxAttempts, null, null), (given.Attempts, given.NextAttemptAtUtc, given.SentAtUtc));
        Assert.NotNull(given.LastError);
    }

    private static async Task<OutboxMessage> Single(TestDatabase database)
    {
        await using var db = database.Open();
        return await db.Outbox.AsNoTracking().SingleAsync();
    }
}
