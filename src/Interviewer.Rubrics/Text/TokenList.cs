namespace Interviewer.Rubrics.Text;

/// <summary>A growable, reusable buffer of tokens and the counts the tokenizer gathers along the way.</summary>
internal sealed class TokenList
{
    private Token[] _items;

    public TokenList(int capacity = 256) => _items = new Token[capacity];

    public int Count { get; private set; }

    /// <summary>Tokens the buffer holds without growing.</summary>
    public int Capacity => _items.Length;

    /// <summary>Word positions (simple words and compound pieces).</summary>
    public int PositionCount { get; set; }

    /// <summary>Words as written: simple words and whole compounds, not their pieces.</summary>
    public int WordCount { get; set; }

    /// <summary>Words as written that are function words.</summary>
    public int StopWordCount { get; set; }

    /// <summary>Number of list segments that hold at least one word.</summary>
    public int SegmentCount { get; set; }

    /// <summary>Words as written that sit in segments of at most three words (list items rather than sentences).</summary>
    public int ShortSegmentWordCount { get; set; }

    public Span<Token> Items => _items.AsSpan(0, Count);

    public ref Token this[int index] => ref _items[index];

    public void Clear()
    {
        Array.Clear(_items, 0, Count);
        Count = 0;
        PositionCount = 0;
        WordCount = 0;
        StopWordCount = 0;
        SegmentCount = 0;
        ShortSegmentWordCount = 0;
    }

    public void Add(in Token token)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        _items[Count++] = token;
    }
}
