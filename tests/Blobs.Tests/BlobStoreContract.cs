using System.Text;
using BackOffice.Core.Attachments;

namespace BackOffice.Blobs.Tests;

/// <summary>What every blob store promises; each adapter runs it.</summary>
public abstract class BlobStoreContract
{
    protected abstract IBlobStore Store { get; }

    private static string Key() => Attachment.BlobKey("acme", Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public async Task Put_ThenOpenRead_GivesBackTheSameBytes_AndASecondPutReplacesThem()
    {
        var key = Key();
        await Store.PutAsync(key, new MemoryStream(Encoding.UTF8.GetBytes("first")), "text/plain", default);
        await Store.PutAsync(key, new MemoryStream(Encoding.UTF8.GetBytes("second")), "text/plain", default);

        await using var read = (await Store.OpenReadAsync(key, default))!;

        Assert.Equal("second", await new StreamReader(read).ReadToEndAsync());
    }

    [Fact]
    public async Task OpenRead_OfAMissingOrDeletedBlob_IsNull()
    {
        var key = Key();
        await Store.PutAsync(key, new MemoryStream([1, 2, 3]), "application/pdf", default);
        await Store.DeleteAsync(key, default);

        Assert.Null(await Store.OpenReadAsync(key, default));
        Assert.Null(await Store.OpenReadAsync(Key(), default));
    }

    [Fact]
    public async Task ALargeBlob_RoundTripsWhole()
    {
        var key = Key();
        var bytes = new byte[3 * 1024 * 1024 + 17];
        new Random(7).NextBytes(bytes);
        await Store.PutAsync(key, new MemoryStream(bytes), "application/pdf", default);

        await using var read = (await Store.OpenReadAsync(key, default))!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
    }
}
