#!/usr/bin/env python3
"""Where a process's running threads spend their time, from `dotnet-trace collect --profile dotnet-sampled-thread-time`
converted to speedscope (`dotnet-trace convert --format Speedscope`).

The sampled-thread-time profile samples every managed thread, waiting ones included, so its own topN report is led by
the thread pool's idle waits. This drops the time in which a thread's innermost frames are a wait (thread pool idle,
Monitor/wait handles, the socket event loop, timers, the file watcher) and gives, per method, its share of the rest:
exclusive (at the top of the stack, below the runtime's UNMANAGED_CODE_TIME/CPU_TIME markers) and inclusive.

    python3 bench/profile/busy.py trace.speedscope.json [top-n] [--managed]

--managed counts only the samples the runtime marks CPU_TIME (the thread was running managed code): CPU for certain,
but without the time in native code (the GC, the JIT, TLS, system calls), which the default includes along with
native waits it cannot tell apart.
"""
import collections
import json
import sys

WAITS = ('LowLevelLifoSemaphore', 'Monitor.Wait', 'WaitHandle.Wait', 'ManualResetEventSlim.Wait', 'Interop+Sys.Read',
         'SocketAsyncEngine.EventLoop', 'Thread.Sleep', 'SpinThenBlockingWait', 'TimerQueue.TimerThread', 'WaitForSignal',
         'WaitForSocketEvents', 'GateThreadStart', 'Heartbeat.TimerLoop', 'WaitOneNoCheck', 'Interop+Sys.Poll')
MARKERS = ('UNMANAGED_CODE_TIME', 'CPU_TIME')


def short(name: str) -> str:
    """'Assembly!Namespace.Type+<Method>d__1.MoveNext()' -> 'Type+<Method>d__1.MoveNext()', at most 110 characters."""
    name = name.split('!', 1)[-1]
    head = name.split('(', 1)[0]
    parts = head.split('.')
    keep = '.'.join(parts[-2:]) if len(parts) > 1 else head
    return keep[:110]


def main() -> None:
    data = json.load(open(sys.argv[1]))
    top_n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    managed_only = '--managed' in sys.argv
    frames = [f['name'] for f in data['shared']['frames']]
    inclusive, exclusive = collections.Counter(), collections.Counter()
    running = total = 0.0
    for profile in data['profiles']:
        stack, last = [], None
        for event in profile['events']:
            if last is not None and stack and event['at'] > last:
                weight = event['at'] - last
                total += weight
                names = [frames[i] for i in stack]
                if 'CPU_TIME' in names if managed_only else not any(any(w in n for w in WAITS) for n in names[-4:]):
                    running += weight
                    own = [n for n in names if n not in MARKERS]
                    exclusive[short(own[-1]) if own else '?'] += weight
                    for n in {short(n) for n in own}:
                        inclusive[n] += weight
            last = event['at']
            if event['type'] == 'O':
                stack.append(event['frame'])
            else:
                stack.pop()
    print(f'running: {running / 1000:.1f} s of {total / 1000:.1f} s of all threads\' sampled time ({running / total:.1%})')
    for title, counter in (('exclusive', exclusive), ('inclusive', inclusive)):
        print(f'\n{title}, share of the running time')
        for name, weight in counter.most_common(top_n):
            print(f'{weight / running:6.1%}  {name}')


if __name__ == '__main__':
    main()
