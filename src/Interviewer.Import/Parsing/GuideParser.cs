using Interviewer.Import.Reading;

namespace Interviewer.Import.Parsing;

/// <summary>
/// Finds the sections, questions, descriptions and answers of a guide's blocks. A heading that is not a question opens a
/// section; a question collects a description (after a description label) and an answer (after an answer label, or the text
/// that follows) until the next question or heading. A heading deeper than a question's own heading belongs to its answer.
/// Questions before the first section with questions of its own join it; sections without questions are dropped.
/// </summary>
public static class GuideParser
{
    /// <summary>Parses a read document.</summary>
    public static ParsedGuide Parse(GuideDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var state = new State();
        var blocks = document.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (Skip(block) is { } skipped)
            {
                state.Skip(skipped);
                continue;
            }
            var heading = block.Kind == BlockKind.Heading;
            if (Question(blocks, i, state) is { } question)
            {
                state.StartQuestion(block, question.Text, question.Number);
                continue;
            }
            if (heading && QuestionShape.Label(block.Text + ":") is null && !state.InsideAnswer(block))
            {
                state.StartSection(block);
                continue;
            }
            state.AddToQuestion(block, AnswerLabelAhead(blocks, i));
        }
        return state.Finish(document);
    }

    /// <summary>
    /// The question a block asks, without its number. A numbered list item or paragraph is one only when it continues the
    /// numbering (no question open, the open one has no answer yet, or it is the open one's number + 1), so that a numbered
    /// list inside an answer stays in the answer; a numbered heading and a labelled "Pregunta 3:" always are.
    /// </summary>
    private static (string Text, int? Number)? Question(IReadOnlyList<DocumentBlock> blocks, int index, State state)
    {
        var block = blocks[index];
        var heading = block.Kind == BlockKind.Heading;
        if (block.Kind == BlockKind.ListItem)
        {
            return block.Number is { } n && state.Continues(n) && QuestionShape.IsQuestion(block.Text, NextIsLabel(blocks, index)) ? (block.Text, n) : null;
        }
        if (block.Kind is not (BlockKind.Heading or BlockKind.Paragraph))
        {
            return null;
        }
        var promptAllowed = heading || NextIsLabel(blocks, index);
        if (QuestionShape.Numbering(block.Text) is { } numbered
            && (numbered.Labelled || ((heading || state.Continues(numbered.Number)) && QuestionShape.IsQuestion(numbered.Text, promptAllowed))))
        {
            return (numbered.Text, numbered.Number);
        }
        return QuestionShape.IsQuestion(block.Text, promptAllowed) ? (block.Text, null) : null;
    }

    /// <summary>Whether a block has a question's shape, numbered or not (the numbering's continuity aside).</summary>
    private static bool LooksLikeQuestion(DocumentBlock block) => block.Kind switch
    {
        BlockKind.Paragraph => QuestionShape.Numbering(block.Text) is { } numbered
            ? numbered.Labelled || QuestionShape.IsQuestion(numbered.Text, promptAllowed: false)
            : QuestionShape.IsQuestion(block.Text, promptAllowed: false),
        BlockKind.ListItem => block.Number is not null && QuestionShape.IsQuestion(block.Text, promptAllowed: false),
        _ => false,
    };

    private static SkippedText? Skip(DocumentBlock block)
    {
        if (block.Kind == BlockKind.Caption || (block.Kind != BlockKind.Heading && Boilerplate.IsCaption(block.Text)))
        {
            return new SkippedText(SkippedText.Caption, block.Text, block.Location);
        }
        return block.Kind != BlockKind.TableRow && Boilerplate.IsFurniture(block.Text)
            ? new SkippedText(SkippedText.Furniture, block.Text, block.Location)
            : null;
    }

    private static bool NextIsLabel(IReadOnlyList<DocumentBlock> blocks, int index)
    {
        for (var i = index + 1; i < blocks.Count; i++)
        {
            if (Skip(blocks[i]) is null)
            {
                return QuestionShape.Label(blocks[i].Text) is not null;
            }
        }
        return false;
    }

    /// <summary>Whether an answer label comes before the next question or heading (so text after a description still describes).</summary>
    private static bool AnswerLabelAhead(IReadOnlyList<DocumentBlock> blocks, int index)
    {
        for (var i = index + 1; i < blocks.Count && blocks[i].Kind != BlockKind.Heading; i++)
        {
            if (QuestionShape.Label(blocks[i].Text) is { Kind: LabelKind.Answer })
            {
                return true;
            }
            if (LooksLikeQuestion(blocks[i]))
            {
                return false;
            }
        }
        return false;
    }

    private sealed class State
    {
        private readonly List<SectionBuilder> _sections = [new SectionBuilder(null, "start")];
        private readonly List<SkippedText> _skipped = [];
        private QuestionBuilder? _question;

        public void Skip(SkippedText skipped) => (_question?.Skipped ?? _skipped).Add(skipped);

        public bool InsideAnswer(DocumentBlock heading) =>
            _question is { Level: > 0 } question && heading.Level > question.Level;

        public void StartSection(DocumentBlock heading)
        {
            _question = null;
            _sections.Add(new SectionBuilder(heading.Text, heading.Location));
        }

        public void StartQuestion(DocumentBlock block, string text, int? number)
        {
            _question = new QuestionBuilder(text, block.Location, block.Kind == BlockKind.Heading ? block.Level : 0) { Number = number };
            _sections[^1].Questions.Add(_question);
        }

        /// <summary>Whether a question numbered <paramref name="number"/> may start here (see <see cref="Question"/>).</summary>
        public bool Continues(int number) => _question is null || _question.Answer.Count == 0 || _question.Number == number - 1;

        public void AddToQuestion(DocumentBlock block, bool answerLabelAhead)
        {
            if (_question is null)
            {
                return;
            }
            var text = block.Text;
            if (block.Kind == BlockKind.Paragraph)
            {
                var (kept, removed) = Boilerplate.CutCallToAction(text);
                if (removed is not null)
                {
                    _question.Skipped.Add(new SkippedText(SkippedText.CallToAction, removed, block.Location));
                }
                text = kept;
            }
            if (block.Kind is BlockKind.Paragraph or BlockKind.Heading && QuestionShape.Label(block.Text.TrimEnd(':') + ":") is { } label)
            {
                // A label ("Respuesta:"), with the text after it in the same block or in the next ones.
                _question.Mode = label.Kind == LabelKind.Description ? Mode.Description : Mode.Answer;
                if (label.Kind == LabelKind.Answer)
                {
                    _question.Source = AnswerSource.Label;
                }
                text = QuestionShape.Label(text) is { } inText ? inText.After : string.Empty;
            }
            else if (_question.Mode == Mode.Description && !answerLabelAhead)
            {
                _question.Mode = Mode.Answer;
                _question.Source = AnswerSource.FollowingText;
            }
            if (text.Length == 0)
            {
                return;
            }
            if (_question.Mode == Mode.Description)
            {
                _question.Description.Add(text);
                return;
            }
            if (_question.Mode == Mode.None)
            {
                _question.Mode = Mode.Answer;
                _question.Source = AnswerSource.FollowingText;
            }
            switch (block.Kind)
            {
                case BlockKind.ListItem:
                    _question.Answer.Add("- " + text);
                    _question.ListItems++;
                    break;
                case BlockKind.TableRow:
                    _question.Answer.Add(text);
                    _question.TableRows++;
                    break;
                default:
                    _question.Answer.Add(text);
                    break;
            }
        }

        public ParsedGuide Finish(GuideDocument document)
        {
            var sections = _sections.Where(s => s.Questions.Count > 0).ToList();
            // Questions before the first section join it: a guide's opening question leads into its first section.
            if (sections.Count > 1 && sections[0].Title is null)
            {
                sections[1].Questions.InsertRange(0, sections[0].Questions);
                sections.RemoveAt(0);
            }
            return new ParsedGuide(document.Format, document.Title,
                sections.Select(s => new ParsedSection(s.Title, s.Location, s.Questions.Select(q => q.Build()).ToList())).ToList(), _skipped);
        }
    }

    private enum Mode
    {
        None,
        Description,
        Answer,
    }

    private sealed record SectionBuilder(string? Title, string Location)
    {
        public List<QuestionBuilder> Questions { get; } = [];
    }

    private sealed class QuestionBuilder(string text, string location, int level)
    {
        public int Level => level;

        public int? Number { get; init; }

        public Mode Mode { get; set; }

        public AnswerSource Source { get; set; } = AnswerSource.None;

        public List<string> Description { get; } = [];

        public List<string> Answer { get; } = [];

        public List<SkippedText> Skipped { get; } = [];

        public int ListItems { get; set; }

        public int TableRows { get; set; }

        public ParsedQuestion Build() => new(text, location, Description.Count > 0 ? string.Join(" ", Description) : null,
            string.Join("\n", Answer), Answer.Count > 0 ? Source : AnswerSource.None)
        {
            ListItems = ListItems,
            TableRows = TableRows,
            Skipped = Skipped,
        };
    }
}
