using NodaTime;

namespace Trellis.Core.Engine.State;

/// <summary>
/// The person's recent sends, oldest first. Only what the longest cap or arbitration window can still
/// see is kept, so it stays a handful of entries per person.
/// </summary>
public sealed class SendLog
{
    private SendRecord[] _items = new SendRecord[2];
    private int _count;

    public int Count => _count;

    public SendRecord this[int i] => _items[i];

    public void Add(SendRecord record)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _count * 2);
        }

        _items[_count++] = record;
    }

    /// <summary>Drops sends at or before <paramref name="cutoff"/>.</summary>
    public void Prune(Instant cutoff)
    {
        var drop = 0;
        while (drop < _count && _items[drop].At <= cutoff)
        {
            drop++;
        }

        if (drop > 0)
        {
            Array.Copy(_items, drop, _items, 0, _count - drop);
            _count -= drop;
        }
    }
}
