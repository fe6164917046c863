using Xunit;
using static SharedServicesPipeline.Tests.Infra.Arm;

namespace SharedServicesPipeline.Tests.Infra;

[Collection(CompiledInfraGroup.Name)]
public sealed class SecretsTemplateTests(CompiledInfra infra)
{
    // What a key, SAS or password looks like in a setting or a template expression.
    private static readonly string[] SecretMarkers =
    [
        "AccountKey=", "SharedAccessSignature", "SharedAccessKey", "sig=", "Password=", "Pwd=",
        "listKeys(", "listAccountSas(", "listServiceSas(", "listConnectionStrings(", "listSecrets(",
        "InstrumentationKey=",
    ];

    [Fact]
    public void App_settings_carry_no_secrets()
    {
        foreach (var (name, value) in AppSettings(infra.Main))
        {
            foreach (var marker in SecretMarkers)
            {
                Assert.False(
                    value.Contains(marker, StringComparison.OrdinalIgnoreCase),
                    $"app setting {name} contains '{marker}': {value}");
            }
        }
    }

    [Fact]
    public void Templates_never_read_keys_sas_or_passwords()
    {
        foreach (var template in new[] { infra.Main, infra.IncomingSubscription })
        {
            var json = Text(template);
            foreach (var marker in SecretMarkers.Append("administratorLoginPassword"))
            {
                Assert.DoesNotContain(marker, json, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Main_template_takes_no_secret_parameters()
    {
        var types = infra.Main["parameters"]!.AsObject().Select(p => Str(p.Value!["type"]).ToUpperInvariant());
        Assert.DoesNotContain("SECURESTRING", types);
        Assert.DoesNotContain("SECUREOBJECT", types);
    }

    [Fact]
    public void Blobs_extension_key_travels_only_in_secure_parameters()
    {
        var template = infra.IncomingSubscription;
        Assert.Equal("securestring", Str(template["parameters"]!["blobsExtensionKey"]!["type"]));

        var module = Single(template, "Microsoft.Resources/deployments");
        var nested = module["properties"]!["template"]!;
        Assert.Equal("securestring", Str(nested["parameters"]!["endpointUrl"]!["type"]));
        Assert.DoesNotContain(
            template["outputs"]!.AsObject(),
            o => Str(o.Value!["value"]).Contains("blobsExtensionKey", StringComparison.Ordinal));
    }
}
