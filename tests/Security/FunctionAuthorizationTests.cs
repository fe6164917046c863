using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using SharedServicesPipeline.Functions.Functions;

namespace SharedServicesPipeline.Tests.Security;

/// <summary>Every HTTP function but health needs a function key; found by reflection so a new endpoint cannot slip through.</summary>
public sealed class FunctionAuthorizationTests
{
    private static IEnumerable<(MethodInfo Method, HttpTriggerAttribute Trigger)> HttpFunctions() =>
        typeof(Health).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetParameters().Select(p => (Method: m, Trigger: p.GetCustomAttribute<HttpTriggerAttribute>())))
            .Where(x => x.Trigger is not null)
            .Select(x => (x.Method, x.Trigger!));

    [Fact]
    public void Only_health_is_anonymous_and_every_other_http_function_requires_a_function_key()
    {
        var functions = HttpFunctions().ToList();
        Assert.Contains(functions, f => f.Method.DeclaringType == typeof(Health));
        Assert.True(functions.Count >= 3, "expected the health, refresh and submission endpoints at least");
        foreach (var (method, trigger) in functions)
        {
            var expected = method.DeclaringType == typeof(Health) ? AuthorizationLevel.Anonymous : AuthorizationLevel.Function;
            Assert.True(trigger.AuthLevel == expected || (expected == AuthorizationLevel.Function && trigger.AuthLevel == AuthorizationLevel.Admin),
                $"{method.DeclaringType!.Name} is {trigger.AuthLevel}; expected {expected}");
        }
    }

    [Fact]
    public void Health_answers_only_get()
    {
        var health = Assert.Single(HttpFunctions(), f => f.Method.DeclaringType == typeof(Health));
        Assert.Equal(["get"], health.Trigger.Methods ?? []);
    }
}
