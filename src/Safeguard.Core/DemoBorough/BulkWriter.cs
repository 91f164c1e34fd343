using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Safeguard.Core.Data;

namespace Safeguard.Core.DemoBorough;

/// <summary>
/// Writes many rows fast, in one transaction, using EF's model for table and column names and value
/// conversions (enums as text, UTC moments) so rows read back through EF exactly as if EF had saved them.
/// SQLite: one prepared INSERT reused for every row. PostgreSQL: binary COPY. Far faster than SaveChanges,
/// which tracks every entity; only for filling an empty database.
/// </summary>
internal sealed class BulkWriter : IAsyncDisposable
{
    private sealed record Column(string Name, IClrPropertyGetter Getter, RelationalTypeMapping Mapping);

    private readonly SafeguardDbContext _db;
    private readonly DbConnection _connection;
    private readonly IDbContextTransaction _efTransaction;
    private readonly DbTransaction _transaction;
    private readonly List<(string Table, string Column)> _identityColumns = [];

    private BulkWriter(SafeguardDbContext db, IDbContextTransaction transaction)
    {
        _db = db;
        _connection = db.Database.GetDbConnection();
        _efTransaction = transaction;
        _transaction = transaction.GetDbTransaction();
    }

    public static async Task<BulkWriter> BeginAsync(SafeguardDbContext db, CancellationToken ct)
    {
        // A big page cache keeps SQLite's indexes in memory while they grow (256 MB, for this connection only).
        if (!db.IsPostgres)
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", ct);
        }
        return new(db, await db.Database.BeginTransactionAsync(ct));
    }

    /// <summary>Runs one statement in the transaction (for the odd row that needs an update rather than an insert).</summary>
    public async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var cmd = Command(sql);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var entity = _db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => new Column(p.GetColumnName(store)!, p.GetGetter(), (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();

        // Building an index once from all the rows is far quicker than growing it row by row in random order (a
        // person's id leads most of them), and the gap widens once the indexes no longer fit in memory.
        var indexes = await IndexesAsync(table, ct);
        foreach (var (name, _) in indexes) await ExecuteAsync($"DROP INDEX \"{name}\"", ct);
        if (_db.IsPostgres) await CopyAsync(table, columns, rows, ct);
        else Insert(table, columns, rows, ct);
        foreach (var (_, sql) in indexes) await ExecuteAsync(sql, ct);

        // Keys the database normally numbers: we set them ourselves, so its counter must be moved past them.
        var key = entity.FindPrimaryKey()!.Properties;
        if (key.Count == 1 && key[0].ValueGenerated == ValueGenerated.OnAdd && (key[0].ClrType == typeof(int) || key[0].ClrType == typeof(long)))
            _identityColumns.Add((table, key[0].GetColumnName(store)!));
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        // SQLite's AUTOINCREMENT follows the largest key written; PostgreSQL's identity sequences do not.
        if (_db.IsPostgres)
        {
            foreach (var (table, column) in _identityColumns.Distinct())
            {
                await using var cmd = Command($"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), (SELECT MAX(\"{column}\") FROM \"{table}\"))");
                await cmd.ExecuteScalarAsync(ct);
            }
        }
        await _efTransaction.CommitAsync(ct);
    }

    /// <summary>Rolls back anything not committed, so a failed run leaves the database as it was.</summary>
    public ValueTask DisposeAsync() => _efTransaction.DisposeAsync();

    private void Insert<T>(string table, List<Column> columns, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        using var cmd = Command($"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})");
        // The type mapping makes each parameter as EF would (for example Guids as text on SQLite).
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(cmd, "$p" + i, null, nullable: true)).ToArray();
        cmd.Parameters.AddRange(parameters);
        cmd.Prepare();
        var n = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++) parameters[i].Value = ValueOf(columns[i], row) ?? DBNull.Value;
            cmd.ExecuteNonQuery();
            if (++n % 10_000 == 0) ct.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The table's own indexes (name and CREATE statement), not the ones behind its key or constraints.</summary>
    private async Task<List<(string Name, string Sql)>> IndexesAsync(string table, CancellationToken ct)
    {
        await using var cmd = Command(_db.IsPostgres
            ? "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid " +
              "WHERE t.relname = @table AND pg_table_is_visible(t.oid) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid) ORDER BY i.relname"
            : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL ORDER BY name");
        var parameter = cmd.CreateParameter();
        (parameter.ParameterName, parameter.Value) = ("@table", table);
        cmd.Parameters.Add(parameter);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var indexes = new List<(string, string)>();
        while (await reader.ReadAsync(ct)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        return indexes;
    }

    private async Task CopyAsync<T>(string table, List<Column> columns, IReadOnlyCollection<T> rows, CancellationToken ct) where T : class
    {
        var connection = (NpgsqlConnection)_connection;
        var copy = $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        // Millions of rows at scale 10: finishing a table can take longer than a command's usual 30 seconds on a busy machine.
        importer.Timeout = TimeSpan.FromMinutes(30);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var c in columns)
            {
                var value = ValueOf(c, row);
                if (value is null) await importer.WriteNullAsync(ct);
                else await importer.WriteAsync(value, PostgresType(value), ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    /// <summary>The value as the database stores it, after the property's conversion (an enum to its name, say).</summary>
    private static object? ValueOf(Column c, object row)
    {
        var value = c.Getter.GetClrValueUsingContainingEntity(row);
        return value is null || c.Mapping.Converter is null ? value : c.Mapping.Converter.ConvertToProvider(value);
    }

    private static NpgsqlDbType PostgresType(object value) => value switch
    {
        string => NpgsqlDbType.Text,
        int => NpgsqlDbType.Integer,
        long => NpgsqlDbType.Bigint,
        bool => NpgsqlDbType.Boolean,
        Guid => NpgsqlDbType.Uuid,
        DateOnly => NpgsqlDbType.Date,
        DateTime or DateTimeOffset => NpgsqlDbType.TimestampTz,
        _ => throw new NotSupportedException($"No PostgreSQL type for {value.GetType().Name} in the bulk writer."),
    };

    private DbCommand Command(string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        cmd.CommandText = sql;
        return cmd;
    }
}
