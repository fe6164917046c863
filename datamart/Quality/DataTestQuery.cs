namespace SharedServicesPipeline.DataMart.Quality;

/// <summary>How a data test counts what breaks it: a scalar <see cref="Count"/> query, or a <see cref="FactCondition"/>
/// checked for each of the load's facts in one shared pass.</summary>
internal sealed record DataTestQuery(Func<DataTestSql.Sources, string>? Count, Func<DataTestSql.Sources, string>? FactCondition);
