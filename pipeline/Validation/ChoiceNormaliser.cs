using SharedServicesPipeline.Pipeline.Reading;

namespace SharedServicesPipeline.Pipeline.Validation;

/// <summary>Maps free-text answers for Status, Governance and Delivery model to the template's values.</summary>
public static class ChoiceNormaliser
{
    public static readonly string[] Statuses = ["Live", "Planned", "Ended"];
    public static readonly string[] Governances = ["Joint committee", "Lead authority", "Company", "Partnership agreement"];
    public static readonly string[] DeliveryModels = ["Shared in-house", "Commissioning", "Co-operative", "Mutual", "Social enterprise", "Outsourced"];

    /// <summary>Live, Planned or Ended for free text (see <see cref="StatusVocabulary"/>); null when blank, unrecognised or ambiguous.</summary>
    public static string? Status(string? text) => StatusVocabulary.BuiltIn.Resolve(text, out _);

    public static string? Governance(string? text)
    {
        var key = HeaderSynonyms.Key(text);
        return key switch
        {
            "" => null,
            _ when key.Contains("jointcommittee", StringComparison.Ordinal) => "Joint committee",
            _ when key.Contains("leadauthority", StringComparison.Ordinal) || key.Contains("leadcouncil", StringComparison.Ordinal) || key.Contains("section101", StringComparison.Ordinal) || key.Contains("s101", StringComparison.Ordinal) => "Lead authority",
            _ when key.Contains("company", StringComparison.Ordinal) || key.Contains("teckal", StringComparison.Ordinal) || key.Contains("ltd", StringComparison.Ordinal) || key.Contains("limited", StringComparison.Ordinal) => "Company",
            _ when key.Contains("partnership", StringComparison.Ordinal) || key.Contains("agreement", StringComparison.Ordinal) || key.Contains("memorandum", StringComparison.Ordinal) || key.Contains("mou", StringComparison.Ordinal) => "Partnership agreement",
            _ => null,
        };
    }

    public static string? DeliveryModel(string? text)
    {
        var key = HeaderSynonyms.Key(text);
        return key switch
        {
            "" => null,
            _ when key.Contains("inhouse", StringComparison.Ordinal) || key == "shared" || key.Contains("sharedservice", StringComparison.Ordinal) => "Shared in-house",
            _ when key.Contains("commission", StringComparison.Ordinal) => "Commissioning",
            _ when key.Contains("cooperative", StringComparison.Ordinal) || key.Contains("coop", StringComparison.Ordinal) => "Co-operative",
            _ when key.Contains("mutual", StringComparison.Ordinal) => "Mutual",
            _ when key.Contains("socialenterprise", StringComparison.Ordinal) => "Social enterprise",
            _ when key.Contains("outsourc", StringComparison.Ordinal) || key.Contains("contract", StringComparison.Ordinal) || key.Contains("privatesector", StringComparison.Ordinal) => "Outsourced",
            _ => null,
        };
    }
}
