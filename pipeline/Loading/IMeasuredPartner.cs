namespace SharedServicesPipeline.Pipeline.Loading;

/// <summary>
/// What the arrangement measures need of a partner, as the version of it valid on the arrangement's start date records it
/// (the mart's dim_authority row): its sector and tier in the mart's words (<c>council</c>, <c>lower</c>) and where it is.
/// </summary>
public interface IMeasuredPartner
{
    string Sector { get; }

    string TierLevel { get; }

    double? Latitude { get; }

    double? Longitude { get; }
}
