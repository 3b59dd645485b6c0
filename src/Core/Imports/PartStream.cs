namespace BackOffice.Core.Imports;

/// <summary>
/// A stored file read back part by part through <paramref name="readPart"/> (null past the last part), so a reader never
/// holds more than one part of it. Each store supplies how it reads part n.
/// </summary>
public sealed class PartStream(Func<int, CancellationToken, Task<byte[]?>> readPart) : Stream
{
    private byte[] _part = [];
    private int _offset;
    private int _next;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_offset == _part.Length)
        {
            if (await readPart(_next, cancellationToken) is not { } part) return 0;
            (_part, _offset, _next) = (part, 0, _next + 1);
        }
        var count = Math.Min(buffer.Length, _part.Length - _offset);
        _part.AsMemory(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
