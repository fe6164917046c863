namespace SharedServicesPipeline.Pipeline.Reference;

public sealed record MatchCandidate(Authority Authority, double Score);
