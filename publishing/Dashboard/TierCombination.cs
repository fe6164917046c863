namespace SharedServicesPipeline.Publishing.Dashboard;

/// <summary>
/// Names the mix of partner kinds in an arrangement: "district–district", "district–county", "unitary–county", …
/// Lower tiers come first and upper tiers last, so the same mix always reads the same way.
/// </summary>
public static class TierCombination
{
    // authority_type (dim_authority) → the kind shown; the order of this list is the order in a label.
    private static readonly (string Kind, string[] Types)[] Kinds =
    [
        ("district", ["district"]),
        ("metropolitan", ["metropolitan_district"]),
        ("London", ["london_borough", "city_corporation"]),
        ("unitary", ["unitary"]),
        ("county", ["county"]),
        ("combined authority", ["combined_authority", "strategic_authority"]),
        ("Welsh", ["welsh_council"]),
        ("Scottish", ["scottish_council"]),
        ("Northern Irish", ["northern_ireland_district"]),
    ];

    public const string OtherBody = "other body";

    /// <summary>The kind of one partner, from its authority_type and sector.</summary>
    public static string KindOf(string? authorityType, string? sector)
    {
        if (sector is not null && sector != "council" && sector != "combined_authority")
        {
            return OtherBody;
        }

        foreach (var (kind, types) in Kinds)
        {
            if (types.Contains(authorityType, StringComparer.Ordinal))
            {
                return kind;
            }
        }

        return OtherBody;
    }

    /// <summary>The label for a set of partner kinds; a single kind is doubled ("district–district").</summary>
    public static string Label(IEnumerable<string> partnerKinds)
    {
        var kinds = partnerKinds.Distinct(StringComparer.Ordinal).OrderBy(Rank).ToList();
        return kinds.Count switch
        {
            0 => "unknown",
            1 => kinds[0] + "–" + kinds[0],
            _ => string.Join('–', kinds),
        };
    }

    private static int Rank(string kind)
    {
        var index = Array.FindIndex(Kinds, k => k.Kind == kind);
        return index < 0 ? Kinds.Length : index;
    }
}
