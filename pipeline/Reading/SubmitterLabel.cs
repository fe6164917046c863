namespace SharedServicesPipeline.Pipeline.Reading;

/// <summary>
/// The submitting council named once in a row above the header: "Council: Mid Suffolk District Council", or a label cell
/// "Your council" followed by the name in the next filled cell. A form's own prompt ("Council: [enter name]") is not a name.
/// </summary>
internal static class SubmitterLabel
{
    private static readonly string[] Prompts = ["please", "enter", "select", "insert", "type ", "choose", "name of", "your council", "xxx"];

    public static string? Read(IReadOnlyList<string?> texts, HeaderSynonyms synonyms)
    {
        var first = -1;
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is not null)
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return null;
        }

        var text = texts[first]!;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && synonyms.Resolve(text[..colon]) == TemplateColumn.Submitter)
        {
            var named = text[(colon + 1)..].Trim();
            return named.Length > 0 ? NameOrNull(named) : NextFilled(texts, first);
        }

        return synonyms.Resolve(text.TrimEnd(':', ' ')) == TemplateColumn.Submitter ? NextFilled(texts, first) : null;
    }

    private static string? NextFilled(IReadOnlyList<string?> texts, int after)
    {
        for (var i = after + 1; i < texts.Count; i++)
        {
            if (texts[i] is { } text)
            {
                return NameOrNull(text);
            }
        }

        return null;
    }

    private static string? NameOrNull(string text)
    {
        if (text.Length > 150 || text[0] is '[' or '<' or '(' or '{')
        {
            return null;
        }

        foreach (var prompt in Prompts)
        {
            if (text.Contains(prompt, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        return text;
    }
}
