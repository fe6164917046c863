namespace SharedServicesPipeline.DataMart.Loading;

/// <summary>What is kept of a held row so that a later refresh can validate it again.</summary>
internal sealed record HeldRowPayload(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string?[]> WidePartners);
