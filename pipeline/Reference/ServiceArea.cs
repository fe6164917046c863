namespace SharedServicesPipeline.Pipeline.Validation;

public sealed record ServiceArea(string Name, string Category);
