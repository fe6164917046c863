namespace SharedServicesPipeline.Pipeline.Loading;

public sealed record LoadResult(int Added, int Updated, int Unchanged);
