namespace SharedServicesPipeline.DataMart.Quality;

/// <summary>A data test that found rows breaking its rule: the test's name (dbt style) and how many rows.</summary>
public sealed record DataTestFailure(string Test, int FailingRows)
{
    public override string ToString() => $"{Test}: {FailingRows} row(s)";
}
