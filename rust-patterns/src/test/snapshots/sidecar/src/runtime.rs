//! Worker pool behind a bounded queue (generated; do not edit). One mutex guards the task queue and
//! the completion queue; workers wait on `work_ready`, the Java poller on `done_ready`.
//!
//! Shutdown: `close(false)` stops accepting, workers finish every queued task, then exit;
//! `close(true)` stops accepting and turns every queued (not started) task into a REJECTED
//! completion. Either way each accepted task yields exactly one completion, and `poll` reports
//! "finished" only after all workers exited and all completions were taken.

use std::collections::VecDeque;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The crate's name, for thread names.
const CRATE: &str = "scorer";

pub const STATUS_OK: i32 = 0;
pub const STATUS_ERROR: i32 = 1;
pub const STATUS_PANIC: i32 = 2;
pub const STATUS_REJECTED: i32 = 3;
pub const SUBMIT_OK: i32 = 0;
pub const SUBMIT_FULL: i32 = 1;
pub const SUBMIT_CLOSED: i32 = 2;

struct Task {
    id: u64,
    input: Vec<f32>,
}

pub struct Completion {
    pub id: u64,
    pub status: i32,
    pub value: u64,
    pub message: String,
}

struct State {
    queue: VecDeque<Task>,
    completions: VecDeque<Completion>,
    capacity: usize,
    closing: bool,
    live_workers: usize,
    // Who is parked on each condition variable: a notify is a futex syscall even with nobody
    // waiting, so it is skipped when nobody is.
    idle_workers: usize,
    poller_waiting: bool,
}

struct Shared {
    state: Mutex<State>,
    work_ready: Condvar,
    done_ready: Condvar,
}

impl Shared {
    // Task bodies run outside the lock and panics are caught, so poisoning cannot leave the state
    // half-updated: recover the guard instead of propagating.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

pub struct Sidecar {
    shared: Arc<Shared>,
    workers: Vec<JoinHandle<()>>,
}

impl Sidecar {
    pub fn start(capacity: u32, workers: u32) -> Result<Sidecar, String> {
        if capacity == 0 {
            return Err("capacity must be at least 1".into());
        }
        if workers == 0 || workers > 1024 {
            return Err(format!("workers must be between 1 and 1024, got {workers}"));
        }
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                queue: VecDeque::with_capacity(capacity as usize),
                completions: VecDeque::new(),
                capacity: capacity as usize,
                closing: false,
                live_workers: workers as usize,
                idle_workers: 0,
                poller_waiting: false,
            }),
            work_ready: Condvar::new(),
            done_ready: Condvar::new(),
        });
        let mut handles = Vec::new();
        for n in 0..workers {
            let s = Arc::clone(&shared);
            let spawned = std::thread::Builder::new()
                .name(format!("{CRATE}-worker-{n}"))
                .spawn(move || worker_loop(&s));
            match spawned {
                Ok(h) => handles.push(h),
                Err(e) => {
                    let mut st = shared.lock();
                    st.closing = true;
                    st.live_workers -= (workers - n) as usize;
                    drop(st);
                    shared.work_ready.notify_all();
                    for h in handles {
                        let _ = h.join();
                    }
                    return Err(format!("cannot start worker thread {n}: {e}"));
                }
            }
        }
        Ok(Sidecar {
            shared,
            workers: handles,
        })
    }

    /// Queues a task; never blocks (the copy of `input` is made before taking the lock).
    pub fn submit(&self, id: u64, input: Vec<f32>) -> i32 {
        let mut st = self.shared.lock();
        if st.closing {
            return SUBMIT_CLOSED;
        }
        if st.queue.len() >= st.capacity {
            return SUBMIT_FULL;
        }
        st.queue.push_back(Task { id, input });
        let wake = st.idle_workers > 0;
        drop(st);
        if wake {
            self.shared.work_ready.notify_one();
        }
        SUBMIT_OK
    }

    /// Stops accepting; with `reject`, turns queued tasks into REJECTED completions. Returns how many.
    pub fn close(&self, reject: bool) -> u64 {
        let mut st = self.shared.lock();
        st.closing = true;
        let mut rejected = 0;
        if reject {
            while let Some(task) = st.queue.pop_front() {
                st.completions.push_back(Completion {
                    id: task.id,
                    status: STATUS_REJECTED,
                    value: 0,
                    message: "rejected: the sidecar was closed before this task started".into(),
                });
                rejected += 1;
            }
        }
        drop(st);
        self.shared.work_ready.notify_all();
        self.shared.done_ready.notify_all();
        rejected
    }

    /// Waits up to `timeout` for completions and takes at most `max`. `None`: closed, every worker
    /// exited and every completion was taken; no completion will ever come again.
    pub fn poll(&self, max: usize, timeout: Duration) -> Option<Vec<Completion>> {
        let deadline = Instant::now() + timeout;
        let mut st = self.shared.lock();
        loop {
            if !st.completions.is_empty() {
                let n = st.completions.len().min(max);
                return Some(st.completions.drain(..n).collect());
            }
            if st.closing && st.live_workers == 0 && st.queue.is_empty() {
                return None;
            }
            let now = Instant::now();
            if now >= deadline {
                return Some(Vec::new());
            }
            st.poller_waiting = true;
            st = self
                .shared
                .done_ready
                .wait_timeout(st, deadline - now)
                .unwrap_or_else(|e| e.into_inner())
                .0;
            st.poller_waiting = false;
        }
    }

    /// Joins the workers. Call after `poll` returned `None`.
    pub fn join(self) {
        self.close(true);
        for h in self.workers {
            let _ = h.join();
        }
    }
}

fn worker_loop(shared: &Shared) {
    loop {
        let task = {
            let mut st = shared.lock();
            loop {
                if let Some(t) = st.queue.pop_front() {
                    break Some(t);
                }
                if st.closing {
                    break None;
                }
                st.idle_workers += 1;
                st = shared
                    .work_ready
                    .wait(st)
                    .unwrap_or_else(|e| e.into_inner());
                st.idle_workers -= 1;
            }
        };
        let Some(task) = task else {
            let mut st = shared.lock();
            st.live_workers -= 1;
            drop(st);
            shared.done_ready.notify_all();
            return;
        };
        let completion = match catch_unwind(AssertUnwindSafe(|| crate::work::work(&task.input))) {
            Ok(Ok(v)) => Completion {
                id: task.id,
                status: STATUS_OK,
                value: v.to_bits(),
                message: String::new(),
            },
            Ok(Err(message)) => Completion {
                id: task.id,
                status: STATUS_ERROR,
                value: 0,
                message,
            },
            Err(e) => Completion {
                id: task.id,
                status: STATUS_PANIC,
                value: 0,
                message: crate::panic_message(&*e),
            },
        };
        let mut st = shared.lock();
        st.completions.push_back(completion);
        let wake = st.poller_waiting;
        drop(st);
        if wake {
            shared.done_ready.notify_all();
        }
    }
}
