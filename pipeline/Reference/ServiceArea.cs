namespace SharedServicesPipeline.Pipeline.Reference;

public sealed record ServiceArea(string Name, string Category);
