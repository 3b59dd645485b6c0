using BackOffice.Core.Attachments;
using BackOffice.Core.Common;

namespace BackOffice.Core.Tests.Attachments;

public sealed class AttachmentRulesTests
{
    private static readonly AttachmentOptions Options = new() { MaxBytes = 2 * 1024 * 1024 };

    private static FieldErrors Check(string? name, string? type, long? size, out (string? Name, string? Type) checkedFile)
    {
        var errors = new FieldErrors();
        checkedFile = AttachmentRules.Check(Options, errors, name, type, size);
        return errors;
    }

    private static IReadOnlyDictionary<string, string[]> Errors(FieldErrors errors) =>
        Assert.IsType<ValidationException>(Record.Exception(errors.ThrowIfAny)).Errors;

    [Fact]
    public void AnAllowedFileWithinTheLimit_PassesWithItsBareNameAndType()
    {
        var errors = Check("../scans/contract.pdf", "application/PDF; charset=binary", 1024, out var file);

        Assert.True(errors.IsEmpty);
        Assert.Equal(("contract.pdf", "application/pdf"), file);
    }

    [Fact]
    public void AFileOfAnotherType_IsRefusedOnContentType_NamingTheAllowedTypes()
    {
        var errors = Errors(Check("setup.exe", "application/x-msdownload", 10, out _));

        Assert.Contains("application/pdf", Assert.Single(errors["contentType"]));
    }

    [Fact]
    public void AFileOverTheLimit_OrEmpty_IsRefusedOnFile_BeforeAByteIsRead()
    {
        Assert.Equal("Files are at most 2 MB.", Assert.Single(Errors(Check("big.png", "image/png", 2 * 1024 * 1024 + 1, out _))["file"]));
        Assert.Equal(AttachmentRules.Empty, Assert.Single(Errors(Check("empty.txt", "text/plain", 0, out _))["file"]));
        Assert.True(Check("unknown-size.txt", "text/plain", null, out _).IsEmpty);
    }
}
