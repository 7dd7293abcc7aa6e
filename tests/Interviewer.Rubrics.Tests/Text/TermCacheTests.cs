using Interviewer.Rubrics.Text;

namespace Interviewer.Rubrics.Tests.Text;

public sealed class TermCacheTests
{
    private static bool ShareAKey(string a, string b)
    {
        var cache = TermCache.Shared;
        return cache.Get(a).Keys.Intersect(cache.Get(b).Keys).Any();
    }

    [Theory]
    [InlineData("desplegamos", "despliegue")]
    [InlineData("pruebas", "probar")]
    [InlineData("evaluacion", "evaluar")]
    [InlineData("configuración", "configurar")]
    [InlineData("entrenamiento", "entrenado")]
    [InlineData("running", "run")]
    [InlineData("models", "modelo")]
    [InlineData("data", "datos")]
    [InlineData("Monitoring", "monitor")]
    public void Get_InflectionsOfOneWord_ShareAStemKey(string a, string b)
    {
        Assert.True(ShareAKey(a, b));
    }

    [Theory]
    [InlineData("datos", "dados")]
    [InlineData("modelo", "módulo")]
    [InlineData("latencia", "licencia")]
    public void Get_DifferentWords_ShareNoKey(string a, string b)
    {
        Assert.False(ShareAKey(a, b));
    }

    [Fact]
    public void Get_SameWordForm_ReturnsTheCachedTerm()
    {
        var cache = new TermCache();
        var text = "modelo modelo";

        var first = cache.Get(text.AsSpan(0, 6));
        var second = cache.Get(text.AsSpan(7, 6));

        Assert.Same(first, second);
        Assert.Equal(1, cache.Count);
        Assert.True(first.IsShared);
    }

    [Fact]
    public void Get_PastCapacity_AnalysesWithoutCaching()
    {
        var cache = new TermCache(capacity: 2);
        cache.Get("uno");
        cache.Get("dos");

        var third = cache.Get("despliegue");

        Assert.Equal(2, cache.Count);
        Assert.False(third.IsShared);
        Assert.Equal("despliegue", third.Folded);
        Assert.NotSame(third, cache.Get("despliegue"));
    }

    [Fact]
    public void Get_PinnedPastCapacity_IsCached()
    {
        var cache = new TermCache(capacity: 1);
        cache.Get("uno");

        var pinned = cache.Pinned.Resolve("despliegue", out _);

        Assert.True(pinned.IsShared);
        Assert.Same(pinned, cache.Get("despliegue"));
    }

    [Theory]
    [InlineData("de", true)]
    [InlineData("The", true)]
    [InlineData("está", true)]
    [InlineData("modelo", false)]
    [InlineData("once", false)]
    [InlineData("antes", false)]
    public void Get_MarksFunctionWords(string word, bool isStopWord)
    {
        Assert.Equal(isStopWord, TermCache.Shared.Get(word).IsStopWord);
    }

    [Fact]
    public void Get_FromManyThreads_GivesOneTermPerWordForm()
    {
        var cache = new TermCache();
        var words = Enumerable.Range(0, 2000).Select(i => $"palabra{i % 500}").ToArray();

        var terms = new Term[words.Length];
        Parallel.For(0, words.Length, i => terms[i] = cache.Get(words[i]));

        Assert.Equal(500, cache.Count);
        for (var i = 0; i < words.Length; i++)
        {
            Assert.Same(cache.Get(words[i]), terms[i]);
        }
    }
}
