using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Safeguard.Core.Tests.Notifications;

/// <summary>
/// Just enough of an SMTP server on loopback (RFC 5321 without TLS) to receive what the app sends: greeting,
/// EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT. It can refuse recipients to test a server that says no.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    public sealed record Received(string From, IReadOnlyList<string> To, string Data, string? Login);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public ConcurrentQueue<Received> Messages { get; } = new();
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    /// <summary>Recipients refused with "550 no such mailbox".</summary>
    public HashSet<string> RefusedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>When set, AUTH PLAIN must carry exactly this user and password.</summary>
    public (string User, string Password)? RequiredLogin { get; init; }

    public TestSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (ObjectDisposedException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 test.smtp ESMTP ready");
        string? from = null, login = null;
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250-test.smtp");
                    await writer.WriteLineAsync("250 AUTH PLAIN");
                    break;
                case "AUTH":
                    if (line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 2)
                    {
                        await writer.WriteLineAsync("334 ");   // no initial response: ask for it
                        line = $"{line} {await reader.ReadLineAsync()}";
                    }
                    login = Login(line);
                    var ok = RequiredLogin is not { } required || login == $"{required.User}:{required.Password}";
                    await writer.WriteLineAsync(ok ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
                    break;
                case "MAIL":
                    from = Address(line);
                    to.Clear();
                    await writer.WriteLineAsync("250 2.1.0 OK");
                    break;
                case "RCPT":
                    var recipient = Address(line);
                    if (RefusedRecipients.Contains(recipient)) { await writer.WriteLineAsync("550 5.1.1 No such mailbox"); break; }
                    to.Add(recipient);
                    await writer.WriteLineAsync("250 2.1.5 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    Messages.Enqueue(new Received(from ?? "", [.. to], data.ToString(), login));
                    await writer.WriteLineAsync("250 2.0.0 Queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                default:
                    await writer.WriteLineAsync(command is "RSET" or "NOOP" ? "250 OK" : "502 5.5.2 Command not recognised");
                    break;
            }
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    /// <summary>"AUTH PLAIN base64(\0user\0password)" as "user:password".</summary>
    private static string? Login(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3) return null;
        var fields = Encoding.UTF8.GetString(Convert.FromBase64String(parts[2])).Split('\0');
        return fields.Length == 3 ? $"{fields[1]}:{fields[2]}" : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
