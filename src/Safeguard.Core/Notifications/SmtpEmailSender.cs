using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace Safeguard.Core.Notifications;

/// <summary>The council's mail server, from the <c>Notifications:Smtp</c> settings (docs/operating.md).</summary>
public sealed record SmtpSettings(string Host, int Port, SecureSocketOptions Security, string? Username, string? Password,
    string FromAddress, string FromName)
{
    /// <summary>The settings when a host is configured, otherwise null (emails are then only logged).</summary>
    public static SmtpSettings? From(IConfiguration config)
    {
        var section = config.GetSection("Notifications:Smtp");
        var host = section["Host"];
        if (string.IsNullOrWhiteSpace(host)) return null;

        var port = section["Port"] is { Length: > 0 } p
            ? int.TryParse(p, out var n) && n is > 0 and < 65536 ? n : throw Bad("Port", p, "a number from 1 to 65535")
            : 587;
        var security = section["Security"] is { Length: > 0 } s
            ? Enum.TryParse<SecureSocketOptions>(s, ignoreCase: true, out var o) && Enum.IsDefined(o)
                ? o : throw Bad("Security", s, "Auto, StartTls, StartTlsWhenAvailable, SslOnConnect or None")
            : SecureSocketOptions.StartTls;
        var from = section["From"];
        if (string.IsNullOrWhiteSpace(from) || !MailboxAddress.TryParse(from, out _))
            throw new InvalidOperationException("Notifications:Smtp:From must be the address emails come from, such as safeguard@council.gov.uk.");
        return new SmtpSettings(host.Trim(), port, security, NullIfBlank(section["Username"]), NullIfBlank(section["Password"]),
            from.Trim(), section["FromName"] is { Length: > 0 } name ? name : "Safeguard");
    }

    static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    static InvalidOperationException Bad(string key, string value, string expected) =>
        new($"Notifications:Smtp:{key} is '{value}'; it must be {expected}.");
}

/// <summary>
/// Sends each email through the council's SMTP server with MailKit. One connection per email: the outbox sends
/// a handful a minute, and a fresh connection never trips over a server that dropped an idle one.
/// </summary>
public sealed class SmtpEmailSender(SmtpSettings settings) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(settings.Host, settings.Port, settings.Security, ct);
        if (settings.Username is not null)
            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
