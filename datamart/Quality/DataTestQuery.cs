namespace SharedServicesPipeline.DataMart.Quality;

/// <summary>How a data test counts what breaks it: a scalar <see cref="Count"/> query, or a <see cref="FactCondition"/>
/// evaluated for each of the load's facts in one shared pass: how many rows of that fact break the rule (0 or 1 for a
/// rule of the fact itself, the number of its bridge rows for a rule of the bridge), summed over the facts.</summary>
internal sealed record DataTestQuery(Func<DataTestSql.Sources, string>? Count, Func<DataTestSql.Sources, string>? FactCondition);
