using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safeguard.Core.Data;

namespace Safeguard.Core.Access.Log;

/// <summary>
/// Views are queued here and written in batches by <see cref="AccessLogWriter"/>, so opening a record never
/// waits for the log, nor for anyone else's views. Changes do not come here: they are logged inside their
/// own transaction.
/// </summary>
public sealed class AccessLogQueue
{
    private readonly Channel<AccessRecord> _channel = Channel.CreateBounded<AccessRecord>(
        new BoundedChannelOptions(100_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private long _queued;
    private long _written;

    internal ChannelReader<AccessRecord> Reader => _channel.Reader;

    /// <summary>Queues a view. Only waits if the writer is 100,000 entries behind: never drops an entry.</summary>
    public ValueTask EnqueueAsync(AccessRecord record, CancellationToken ct = default)
    {
        Interlocked.Increment(ref _queued);
        return _channel.Writer.TryWrite(record) ? ValueTask.CompletedTask : _channel.Writer.WriteAsync(record, ct);
    }

    internal void MarkWritten(int count) => Interlocked.Add(ref _written, count);

    public long Pending => Interlocked.Read(ref _queued) - Interlocked.Read(ref _written);

    /// <summary>Waits until everything queued so far is in the database (tests and shutdown).</summary>
    public async Task FlushAsync(TimeSpan? timeout = null)
    {
        var target = Interlocked.Read(ref _queued);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Interlocked.Read(ref _written) < target)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The access log still has {Pending} entries to write.");
            await Task.Delay(5);
        }
    }

    internal void Complete() => _channel.Writer.TryComplete();
}

/// <summary>Drains the queue into the chain, up to 500 entries a transaction; retries if the database is away.</summary>
public sealed class AccessLogWriter(AccessLogQueue queue, IServiceScopeFactory scopes, AccessLogAppender appender, ILogger<AccessLogWriter> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AccessRecord>(500);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteAvailableAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: write whatever is left before the host stops.
            await WriteAvailableAsync(batch, CancellationToken.None);
        }
    }

    private async Task WriteAvailableAsync(List<AccessRecord> batch, CancellationToken ct)
    {
        while (queue.Reader.TryRead(out var first))
        {
            batch.Clear();
            batch.Add(first);
            while (batch.Count < 500 && queue.Reader.TryRead(out var next)) batch.Add(next);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
                    await appender.AppendOwnTransactionAsync(db, batch, ct);
                    queue.MarkWritten(batch.Count);
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException && attempt < 1000)
                {
                    logger.LogError(ex, "Could not write {Count} access log entries (attempt {Attempt}); retrying", batch.Count, attempt);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 50 * attempt)), ct);
                }
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
    }
}
