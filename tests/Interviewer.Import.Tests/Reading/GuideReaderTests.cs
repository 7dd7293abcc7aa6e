using System.Text;
using Interviewer.Import.Reading;

namespace Interviewer.Import.Tests.Reading;

public sealed class GuideReaderTests
{
    [Theory]
    [InlineData("guide.pdf", "not a readable PDF document")]
    [InlineData("guide.docx", "not a readable Word (.docx) document")]
    public void Read_FileThatIsNotItsFormat_SaysSo(string name, string expected)
    {
        var error = Assert.Throws<GuideImportException>(() => GuideReader.Read(Encoding.UTF8.GetBytes("just some text"), GuideFormats.FromFileName(name)!));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_UnknownExtension_NamesTheSupportedOnes()
    {
        var error = Assert.Throws<GuideImportException>(() => GuideReader.ReadFile("guide.odt"));

        Assert.Equal("unknown document type '.odt'; supported: .txt, .md, .html, .docx, .pdf.", error.Message);
    }

    [Fact]
    public void Read_TextThatIsNotUtf8_SaysWhereAndWhat()
    {
        var latin1 = Encoding.Latin1.GetBytes("¿Qué es MLOps?");

        var error = Assert.Throws<GuideImportException>(() => GuideReader.Read(latin1, GuideFormats.Text));

        Assert.Equal("the file is not UTF-8 text (invalid byte at offset 0); save it as UTF-8.", error.Message);
    }

    [Fact]
    public void Read_BinaryAsText_IsRejected()
    {
        var error = Assert.Throws<GuideImportException>(() => GuideReader.Read([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00], GuideFormats.Markdown));

        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PlainText_TableCopiedFromAWebPage_IsOneRowPerLine()
    {
        var document = GuideReader.Read(Encoding.UTF8.GetBytes("Intro line.\n|\nTipo |\nObjetivo |\n|\nUnitarias |\nComponentes |\n"), GuideFormats.Text);

        Assert.Equal(["Tipo | Objetivo", "Unitarias | Componentes"], document.Blocks.Where(b => b.Kind == BlockKind.TableRow).Select(b => b.Text));
    }

    [Fact]
    public void Import_DocumentWithoutQuestions_SaysWhatAQuestionLooksLike()
    {
        var document = GuideReader.Read(Encoding.UTF8.GetBytes("Release notes\n\nWe fixed many bugs. Did you notice? Thanks for reading.\n"), GuideFormats.Text);

        var error = Assert.Throws<GuideImportException>(() => GuideImporter.Import(document, new ImportOptions()));

        Assert.StartsWith("no question found: a question is a heading or a paragraph of its own", error.Message, StringComparison.Ordinal);
    }
}
