using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SharedServicesPipeline.DataMart;

/// <summary>
/// The one check of a result code from the SQLitePCL layer, for the few places that step statements below
/// Microsoft.Data.Sqlite for speed: a failure becomes the <see cref="SqliteException"/> the provider would have thrown.
/// </summary>
internal static class SqliteResultCode
{
    public static void Check(sqlite3 db, int rc)
    {
        if (rc is not raw.SQLITE_OK and not raw.SQLITE_DONE and not raw.SQLITE_ROW)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
        }
    }
}
