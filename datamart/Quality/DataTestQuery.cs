namespace SharedServicesPipeline.DataMart.Quality;

/// <summary>How a data test counts what breaks it: a scalar <see cref="Count"/> query, or a <see cref="FactCondition"/>
/// evaluated for each of the load's facts in one shared pass: how many rows of that fact break the rule (0 or 1 for a
/// rule of the fact itself, the number of its bridge rows for a rule of the bridge), summed over the facts. A uniqueness
/// test names its <see cref="Unique"/> columns: while the database has a unique index on them, it keeps the rule for
/// every row and the test is answered by the index (0) rather than by scanning. A fact condition may read tables the fact
/// pass joins for it (<see cref="Lookups"/>, each under its own alias).</summary>
internal sealed record DataTestQuery(
    Func<DataTestSql.Sources, string>? Count,
    Func<DataTestSql.Sources, string>? FactCondition,
    UniqueColumns? Unique = null,
    IReadOnlyList<KeyLookup>? Lookups = null);
