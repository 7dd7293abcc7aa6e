using Interviewer.Api.Storage;
using NetArchTest.Rules;

namespace Interviewer.Api.Tests.Storage;

/// <summary>
/// Storage sits below the features: it stores and returns rows, and knows no interview rules, hub errors or HTTP. Read
/// from the compiled code (signatures and method bodies), so a stray dependency fails here rather than in a review.
/// </summary>
public sealed class StorageLayerTests
{
    // What Storage may use of the service itself: the start-up settings it reports on, and telemetry.
    private static readonly string[] BelowStorage = ["Interviewer.Api.Storage", "Interviewer.Api.Hosting", "Interviewer.Api.Telemetry"];

    [Fact]
    public void StorageTypes_UseNoFeatureOfTheService()
    {
        var features = typeof(InterviewStore).Assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith("Interviewer.Api.", StringComparison.Ordinal) && !BelowStorage.Any(b => n == b || n.StartsWith(b + ".", StringComparison.Ordinal)))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Superset(new HashSet<string>(["Interviewer.Api.Interviews", "Interviewer.Api.Sessions", "Interviewer.Api.Invitations", "Interviewer.Api.Candidates"]),
            features.ToHashSet());

        var result = Types.InAssembly(typeof(InterviewStore).Assembly)
            .That().ResideInNamespace("Interviewer.Api.Storage")
            .ShouldNot().HaveDependencyOnAny(features)
            .GetResult();

        Assert.True(result.IsSuccessful, $"Storage types that use a feature ({string.Join(", ", features)}): {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
