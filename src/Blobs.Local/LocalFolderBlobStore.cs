using BackOffice.Core.Attachments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackOffice.Blobs.Local;

/// <summary>
/// Blobs as files under one folder: the embedded default. A blob is written to a temporary file, flushed to disk and
/// then renamed into place, so a crash leaves either the whole file or none. Keys are ours (tenant/item/id), and a
/// key that would leave the folder is refused all the same.
/// </summary>
public sealed class LocalFolderBlobStore(string folder) : IBlobStore
{
    private readonly string _root = Path.GetFullPath(folder);

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, ct);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null);
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key));
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : throw new ArgumentException($"Blob key '{key}' leaves the blob folder.", nameof(key));
    }
}

public static class LocalBlobExtensions
{
    /// <summary>Attachments in a folder under the host's content root (<see cref="AttachmentOptions.Folder"/>).</summary>
    public static IServiceCollection AddLocalBlobStore(this IServiceCollection services) => services.AddSingleton<IBlobStore>(sp =>
        new LocalFolderBlobStore(Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, sp.GetRequiredService<AttachmentOptions>().Folder)));
}
