"""Independent reference for dev.paradigm.data.BatchSchedule (and SplitMix64).

Regenerates the expected values hard-coded in BatchScheduleTest:
    python3 src/test/resources/dev/paradigm/data/batch_schedule_reference.py
Written from the description in BatchSchedule's Javadoc, not from the Java code.
"""
MASK = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def mix64(z):
    z &= MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + GAMMA) & MASK
        return mix64(self.state)


def permutation(seed, epoch, n):
    rng = SplitMix64((seed & MASK) ^ mix64(epoch))
    perm = list(range(n))
    for i in range(n - 1, 0, -1):
        j = rng.next() % (i + 1)
        perm[i], perm[j] = perm[j], perm[i]
    return perm


def global_batch(seed, n, batch, step):
    out = []
    for pos in range(step * batch, (step + 1) * batch):
        out.append(permutation(seed, pos // n, n)[pos % n])
    return out


if __name__ == "__main__":
    rng = SplitMix64(1234567)
    print("splitmix64(1234567):", [rng.next() for _ in range(5)])
    print("perm seed=42 n=10 epoch 0:", permutation(42, 0, 10))
    print("perm seed=42 n=10 epoch 1:", permutation(42, 1, 10))
    print("batches seed=42 n=10 B=4 steps 0..5:", [global_batch(42, 10, 4, s) for s in range(6)])
    print("perm seed=-1 n=7 epoch 3:", permutation(-1, 3, 7))
