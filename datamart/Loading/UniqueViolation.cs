using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SharedServicesPipeline.DataMart.Loading;

/// <summary>Recognises a unique-key violation on either provider: another load got there first.</summary>
internal static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    // EF wraps the provider's exception in a DbUpdateException; the bulk inserter's raw commands throw it as it is.
    public static bool Is(Exception exception) => (exception is DbUpdateException ? exception.InnerException : exception) switch
    {
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } => true,
        SqlException { Number: 2601 or 2627 } => true,
        _ => false,
    };
}
