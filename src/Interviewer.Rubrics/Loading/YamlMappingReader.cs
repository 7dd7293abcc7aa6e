using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Interviewer.Rubrics.Loading;

/// <summary>Reads the fields of one YAML mapping, recording a problem for each missing, mistyped or unknown key.</summary>
internal sealed class YamlMappingReader
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly List<RubricProblem> _problems;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMappingReader(YamlMappingNode node, string file, List<RubricProblem> problems)
    {
        _node = node;
        _file = file;
        _problems = problems;
    }

    public int Line => LineOf(_node);

    public static int LineOf(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    public YamlNode? Node(string key)
    {
        _read.Add(key);
        return _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public int LineOf(string key)
    {
        foreach (var (k, _) in _node.Children)
        {
            if (k is YamlScalarNode { Value: var name } && name == key)
            {
                return LineOf(k);
            }
        }
        return Line;
    }

    public string RequiredString(string key, string what)
    {
        var value = OptionalString(key);
        if (string.IsNullOrWhiteSpace(value))
        {
            Problem(value is null ? Line : LineOf(key), value is null ? $"{what}: '{key}' is missing" : $"{what}: '{key}' is empty");
            return string.Empty;
        }
        return value.Trim();
    }

    public string? OptionalString(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }
        Problem(LineOf(node), $"'{key}' must be text");
        return string.Empty;
    }

    public double? OptionalNumber(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }
        if (node is YamlScalarNode { Value: { } text } &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        Problem(LineOf(node), $"'{key}' must be a number");
        return null;
    }

    public bool? OptionalBoolean(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            return null;
        }
        if (node is YamlScalarNode { Value: { } text } && bool.TryParse(text, out var value))
        {
            return value;
        }
        Problem(LineOf(node), $"'{key}' must be true or false");
        return null;
    }

    public YamlSequenceNode? Sequence(string key, string what, bool required)
    {
        var node = Node(key);
        switch (node)
        {
            case null when required:
                Problem(Line, $"{what}: '{key}' is missing");
                return null;
            case null:
                return null;
            case YamlSequenceNode sequence:
                return sequence;
            default:
                Problem(LineOf(node), $"{what}: '{key}' must be a list");
                return null;
        }
    }

    /// <summary>Reports every key that was never asked for: usually a typo that would silently drop data.</summary>
    public void RejectUnknownKeys(string what)
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!_read.Contains(name))
            {
                Problem(LineOf(key), $"{what}: unknown key '{name}'");
            }
        }
    }

    public void Problem(int line, string message) => _problems.Add(new RubricProblem(_file, line, message));
}
