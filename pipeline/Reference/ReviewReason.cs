namespace SharedServicesPipeline.Pipeline.Reference;

/// <summary>Why a name went to review, when the matcher can tell: so the submitter is told what to write instead of being asked to
/// check the spelling of something that was never a council.</summary>
public enum ReviewReason
{
    /// <summary>Nothing known: a misspelling, a body we do not know, or a made-up name.</summary>
    Unknown,
    /// <summary>A company ("… Ltd", "… plc", "… LLP", "… CIC"): how a service is delivered, not a partner council or public body.</summary>
    Company,
    /// <summary>A town, parish or community council: below the principal councils the programme records.</summary>
    LocalCouncil,
    /// <summary>Several councils described together ("all Essex districts", "Kent councils"), not named one by one.</summary>
    GroupOfCouncils,
    /// <summary>No name yet ("TBC", "various", "N/A").</summary>
    Placeholder,
}
