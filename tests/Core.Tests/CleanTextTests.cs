using BackOffice.Core.Common;

namespace BackOffice.Core.Tests;

public sealed class CleanTextTests
{
    [Theory]
    [InlineData("Nul\u0000", "U+0000")]
    [InlineData("Esc\u001b", "U+001B")]
    [InlineData("Del\u007f", "U+007F")]
    [InlineData("C1\u0085", "U+0085")]
    [InlineData("\u202Aembedding", "U+202A")]
    [InlineData("override\u202E", "U+202E")]
    [InlineData("\u2066isolate\u2069", "U+2066")]
    [InlineData("zero\u200Bwidth", "U+200B")]
    [InlineData("bom\uFEFF", "U+FEFF")]
    [InlineData("tag\U000E0041", "U+E0041")]
    [InlineData("line\u2028separator", "U+2028")]
    [InlineData("tab\tin one line", "U+0009")]
    public void FirstRefused_NamesTheFirstControlOrInvisibleCharacter(string text, string refused)
    {
        Assert.Equal(refused, CleanText.FirstRefused(text, multiLine: false));
    }

    [Theory]
    [InlineData("Crème brûlée, 東京, Ünïcödé, می‌خواهم, 👩‍💻", false)]
    [InlineData("First line\n\tindented\r\nthird", true)]
    public void FirstRefused_KeepsOrdinaryTextOfAnyScript_AndLineBreaksInMultiLineText(string text, bool multiLine)
    {
        Assert.Null(CleanText.FirstRefused(text, multiLine));
    }

    [Fact]
    public void FirstRefused_NamesAnUnpairedSurrogate()
    {
        Assert.Equal("U+D800", CleanText.FirstRefused("lone" + (char)0xD800 + "surrogate", multiLine: true));
    }

    [Fact]
    public void FieldErrors_RefuseAControlCharacter_NamingTheField_WhateverTheLength()
    {
        var errors = new FieldErrors();

        var title = errors.Required("title", "Ok\u001b", 200);
        var description = errors.Optional("description", "Line\nbreak", 200, multiLine: true);

        Assert.Null(title);
        Assert.Equal("Line\nbreak", description);
        Assert.Equal(["title"], Assert.Throws<ValidationException>(errors.ThrowIfAny).Errors.Keys);
    }
}
