namespace Trellis.Core.Engine.State;

/// <summary>
/// A read-only view of a person's active instances, as they were when the view was taken: the person's list is
/// replaced, never changed in place, so a loop over a view is not disturbed by instances entering or ending.
/// Most people are in at most one journey at a time, so one instance is held without an array.
/// </summary>
public readonly struct InstanceList
{
    private readonly object? _items; // null, one JourneyInstance, or a JourneyInstance[] of two or more

    internal InstanceList(object? items) => _items = items;

    public int Count => _items switch
    {
        null => 0,
        JourneyInstance => 1,
        _ => ((JourneyInstance[])_items).Length,
    };

    public JourneyInstance this[int index] => _items is JourneyInstance one
        ? (index == 0 ? one : throw new ArgumentOutOfRangeException(nameof(index)))
        : ((JourneyInstance[]?)_items ?? throw new ArgumentOutOfRangeException(nameof(index)))[index];

    public Enumerator GetEnumerator() => new(_items);

    /// <summary>A struct enumerator: the engine walks these lists on every input of every person.</summary>
    public struct Enumerator
    {
        private readonly JourneyInstance? _one;
        private readonly JourneyInstance[]? _many;
        private int _index;

        internal Enumerator(object? items)
        {
            _one = items as JourneyInstance;
            _many = items as JourneyInstance[];
            _index = -1;
        }

        public readonly JourneyInstance Current => _one ?? _many![_index];

        public bool MoveNext() => ++_index < (_one is not null ? 1 : _many?.Length ?? 0);
    }
}
