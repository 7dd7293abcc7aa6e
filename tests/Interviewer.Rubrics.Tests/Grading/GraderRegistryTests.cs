using Interviewer.Rubrics.Grading;
using Interviewer.Rubrics.Grading.Keyword;

namespace Interviewer.Rubrics.Tests.Grading;

public sealed class GraderRegistryTests
{
    private static readonly GraderRegistry KeywordOnly = new([new KeywordGrader()]);

    [Fact]
    public void TryGet_Default_IsTheFirstGrader()
    {
        Assert.True(KeywordOnly.TryGet(null, out var grader, out var error));
        Assert.Equal(GraderNames.Keyword, grader.Name);
        Assert.Null(error);
    }

    [Fact]
    public void TryGet_LlmWithoutAModel_SaysWhatToConfigure()
    {
        Assert.False(KeywordOnly.TryGet("llm", out _, out var error));
        Assert.Equal("the llm grader needs a model: set Interviewer__Llm__Provider (Interviewer:Llm:Provider) and its settings, see docs/llm.md; configured graders: keyword", error);
    }

    [Fact]
    public void TryGet_UnknownName_ListsTheConfiguredGraders()
    {
        Assert.False(KeywordOnly.TryGet("magic", out _, out var error));
        Assert.Equal("unknown grader 'magic'; configured graders: keyword", error);
        Assert.Equal(error, Assert.Throws<KeyNotFoundException>(() => KeywordOnly.Get("magic")).Message);
    }
}
