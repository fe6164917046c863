using System.Collections;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SharedServicesPipeline.Tests.Mart;

/// <summary>
/// Lets EF's SQL Server provider translate and "run" queries with no server: the connection never opens and every
/// reader returns one row of placeholder values. What it proves is that the queries translate; it records their SQL.
/// </summary>
internal sealed class OfflineSqlServer : IDbConnectionInterceptor, IDbCommandInterceptor
{
    public List<string> Commands { get; } = [];

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Add(command.CommandText);
        return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(new PlaceholderRow()));
    }

    /// <summary>One row whose every column reads as 20000101 (a count, or a date key), true, or the type's default.</summary>
    private sealed class PlaceholderRow : DbDataReader
    {
        private const int Number = 20000101;
        private bool _read;

        public override int FieldCount => 1;
        public override bool HasRows => true;
        public override bool IsClosed => false;
        public override int RecordsAffected => -1;
        public override int Depth => 0;
        public override object this[int ordinal] => Number;
        public override object this[string name] => Number;

        public override bool Read() => !_read && (_read = true);
        public override bool NextResult() => false;
        public override bool IsDBNull(int ordinal) => false;
        public override int GetInt32(int ordinal) => Number;
        public override long GetInt64(int ordinal) => Number;
        public override short GetInt16(int ordinal) => 0;
        public override bool GetBoolean(int ordinal) => true;
        public override object GetValue(int ordinal) => Number;
        public override T GetFieldValue<T>(int ordinal) => (T)(object)(typeof(T) == typeof(int) ? Number : typeof(T) == typeof(bool) ? true : default(T)!);
        public override Type GetFieldType(int ordinal) => typeof(int);
        public override string GetDataTypeName(int ordinal) => "int";
        public override string GetName(int ordinal) => "Value";
        public override int GetOrdinal(string name) => 0;
        public override int GetValues(object[] values) => 0;
        public override byte GetByte(int ordinal) => 0;
        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => 0;
        public override char GetChar(int ordinal) => ' ';
        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => 0;
        public override DateTime GetDateTime(int ordinal) => default;
        public override decimal GetDecimal(int ordinal) => 0;
        public override double GetDouble(int ordinal) => 0;
        public override float GetFloat(int ordinal) => 0;
        public override Guid GetGuid(int ordinal) => Guid.Empty;
        public override string GetString(int ordinal) => "";
        public override IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator();
    }
}
