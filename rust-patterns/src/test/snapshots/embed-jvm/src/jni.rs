//! The part of the JNI invocation API and function table this host uses, declared by hand like a
//! tiny `jni-sys` (std only). Indices are the function-table positions fixed by the JNI
//! specification ("Interface Function Table"); they never change between JDK versions.

#![allow(non_camel_case_types, non_snake_case)]

use std::ffi::{c_char, c_void, CString, OsString};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use crate::dl::Library;

pub type jint = i32;
pub type jsize = jint;
pub type jobject = *mut c_void;
pub type jclass = jobject;
pub type jstring = jobject;
pub type jthrowable = jobject;
pub type jobjectArray = jobject;
pub type jmethodID = *mut c_void;
pub type jboolean = u8;

/// `JNIEnv*`: a pointer to a pointer to the function table.
pub type JNIEnvPtr = *mut *const *const c_void;
/// `JavaVM*`: a pointer to a pointer to the invocation table.
pub type JavaVMPtr = *mut *const *const c_void;

#[repr(C)]
#[derive(Clone, Copy)]
pub union jvalue {
    pub l: jobject,
    pub i: jint,
    pub j: i64,
}

#[repr(C)]
pub struct JavaVMOption {
    pub optionString: *mut c_char,
    pub extraInfo: *mut c_void,
}

#[repr(C)]
pub struct JavaVMInitArgs {
    pub version: jint,
    pub nOptions: jint,
    pub options: *mut JavaVMOption,
    pub ignoreUnrecognized: jboolean,
}

pub const JNI_VERSION_1_8: jint = 0x0001_0008;

pub type CreateJavaVM =
    unsafe extern "system" fn(*mut JavaVMPtr, *mut JNIEnvPtr, *mut c_void) -> jint;

// JNINativeInterface_ indices.
const FIND_CLASS: usize = 6;
const THROW: usize = 13;
const EXCEPTION_OCCURRED: usize = 15;
const EXCEPTION_DESCRIBE: usize = 16;
const EXCEPTION_CLEAR: usize = 17;
const DELETE_LOCAL_REF: usize = 23;
const GET_OBJECT_CLASS: usize = 31;
const IS_INSTANCE_OF: usize = 32;
const GET_METHOD_ID: usize = 33;
const CALL_OBJECT_METHOD_A: usize = 36;
const GET_STATIC_METHOD_ID: usize = 113;
const CALL_STATIC_INT_METHOD_A: usize = 131;
const CALL_STATIC_VOID_METHOD_A: usize = 143;
const NEW_STRING: usize = 163;
const GET_STRING_LENGTH: usize = 164;
const NEW_OBJECT_ARRAY: usize = 172;
const SET_OBJECT_ARRAY_ELEMENT: usize = 174;
const GET_STRING_REGION: usize = 220;
const EXCEPTION_CHECK: usize = 228;
// JNIInvokeInterface_ index.
const DESTROY_JAVA_VM: usize = 3;

/// Loads libjvm and finds `JNI_CreateJavaVM`. The library stays loaded for the process lifetime.
pub fn load_create_java_vm(libjvm: &Path) -> Result<CreateJavaVM, String> {
    let lib = Library::open(libjvm)?;
    let symbol = lib
        .symbol("JNI_CreateJavaVM")
        .map_err(|e| format!("{} is not a libjvm: {e}", libjvm.display()))?;
    // `Library` has no `Drop`: libjvm is never closed, so the symbol stays valid after `lib` is gone.
    // SAFETY: JNI_CreateJavaVM has exactly this signature (jni.h).
    Ok(unsafe { std::mem::transmute::<*mut c_void, CreateJavaVM>(symbol) })
}

/// A created JVM and the JNIEnv of the thread that created it (this thread only).
pub struct Vm {
    vm: JavaVMPtr,
    env: Env,
}

/// Thin typed access to the function table. Methods return null/None where JNI does; the caller
/// then checks the pending exception.
#[derive(Clone, Copy)]
pub struct Env(JNIEnvPtr);

/// A Java exception taken from the thread (and cleared).
pub struct JavaException {
    /// Local reference to the Throwable.
    pub throwable: jthrowable,
    /// `Throwable.toString()`: class name and message.
    pub text: String,
    pub no_such_method: bool,
}

impl Vm {
    pub fn create(create: CreateJavaVM, options: &[OsString]) -> Result<Vm, String> {
        let mut strings = Vec::new();
        for o in options {
            strings.push(
                CString::new(o.as_bytes())
                    .map_err(|_| format!("JVM option {:?} contains a NUL byte", o))?,
            );
        }
        let mut raw: Vec<JavaVMOption> = strings
            .iter()
            .map(|s| JavaVMOption {
                optionString: s.as_ptr() as *mut c_char,
                extraInfo: std::ptr::null_mut(),
            })
            .collect();
        let mut args = JavaVMInitArgs {
            version: JNI_VERSION_1_8,
            nOptions: raw.len() as jint,
            options: raw.as_mut_ptr(),
            ignoreUnrecognized: 0,
        };
        let mut vm: JavaVMPtr = std::ptr::null_mut();
        let mut env: JNIEnvPtr = std::ptr::null_mut();
        // SAFETY: args and the option strings outlive the call; JNI copies what it keeps.
        let rc = unsafe {
            create(
                &mut vm,
                &mut env,
                &mut args as *mut JavaVMInitArgs as *mut c_void,
            )
        };
        if rc != 0 || vm.is_null() || env.is_null() {
            let what = match rc {
                -1 => "the JVM refused to start (JNI_ERR; its own message is above, often an unrecognized -J option)",
                -3 => "JNI version not supported (JNI_EVERSION)",
                -4 => "not enough memory (JNI_ENOMEM)",
                -5 => "a JVM already exists in this process (JNI_EEXIST)",
                -6 => "invalid options (JNI_EINVAL): check the -J options",
                _ => "failure",
            };
            return Err(format!("JNI_CreateJavaVM failed with {rc}: {what}"));
        }
        Ok(Vm { vm, env: Env(env) })
    }

    pub fn env(&self) -> Env {
        self.env
    }

    /// Waits for non-daemon Java threads, then unloads the VM's state. Consumes the VM.
    pub fn destroy(self) {
        // SAFETY: vm is the live JavaVM created above; called from the creating thread.
        unsafe {
            let f: unsafe extern "system" fn(JavaVMPtr) -> jint =
                std::mem::transmute(*(*self.vm).add(DESTROY_JAVA_VM));
            f(self.vm);
        }
    }
}

impl Env {
    unsafe fn slot(&self, index: usize) -> *const c_void {
        *(*self.0).add(index)
    }

    pub fn find_class(&self, binary_slash_name: &str) -> jclass {
        let Ok(name) = CString::new(binary_slash_name) else {
            return std::ptr::null_mut();
        };
        // SAFETY: FindClass(JNIEnv*, const char*) -> jclass.
        unsafe {
            let f: unsafe extern "system" fn(JNIEnvPtr, *const c_char) -> jclass =
                std::mem::transmute(self.slot(FIND_CLASS));
            f(self.0, name.as_ptr())
        }
    }

    pub fn get_static_method_id(&self, class: jclass, name: &str, descriptor: &str) -> jmethodID {
        let (Ok(n), Ok(d)) = (CString::new(name), CString::new(descriptor)) else {
            return std::ptr::null_mut();
        };
        // SAFETY: GetStaticMethodID(JNIEnv*, jclass, const char*, const char*) -> jmethodID.
        unsafe {
            let f: unsafe extern "system" fn(
                JNIEnvPtr,
                jclass,
                *const c_char,
                *const c_char,
            ) -> jmethodID = std::mem::transmute(self.slot(GET_STATIC_METHOD_ID));
            f(self.0, class, n.as_ptr(), d.as_ptr())
        }
    }

    fn get_method_id(&self, class: jclass, name: &str, descriptor: &str) -> jmethodID {
        let (Ok(n), Ok(d)) = (CString::new(name), CString::new(descriptor)) else {
            return std::ptr::null_mut();
        };
        // SAFETY: GetMethodID(JNIEnv*, jclass, const char*, const char*) -> jmethodID.
        unsafe {
            let f: unsafe extern "system" fn(
                JNIEnvPtr,
                jclass,
                *const c_char,
                *const c_char,
            ) -> jmethodID = std::mem::transmute(self.slot(GET_METHOD_ID));
            f(self.0, class, n.as_ptr(), d.as_ptr())
        }
    }

    /// A Java `String` from Rust text, through UTF-16 (`NewString`), so every character survives
    /// (NewStringUTF would need modified UTF-8).
    pub fn new_string(&self, text: &str) -> jstring {
        let units: Vec<u16> = text.encode_utf16().collect();
        // SAFETY: NewString(JNIEnv*, const jchar*, jsize) -> jstring.
        unsafe {
            let f: unsafe extern "system" fn(JNIEnvPtr, *const u16, jsize) -> jstring =
                std::mem::transmute(self.slot(NEW_STRING));
            f(self.0, units.as_ptr(), units.len() as jsize)
        }
    }

    /// `String[]` holding `args`; None when a Java exception (e.g. OutOfMemoryError) is pending.
    pub fn new_string_array(&self, args: &[String]) -> Option<jobjectArray> {
        let string_class = self.find_class("java/lang/String");
        if string_class.is_null() {
            return None;
        }
        // SAFETY: NewObjectArray(JNIEnv*, jsize, jclass, jobject) and
        // SetObjectArrayElement(JNIEnv*, jobjectArray, jsize, jobject) per jni.h.
        unsafe {
            let new_array: unsafe extern "system" fn(
                JNIEnvPtr,
                jsize,
                jclass,
                jobject,
            ) -> jobjectArray = std::mem::transmute(self.slot(NEW_OBJECT_ARRAY));
            let set: unsafe extern "system" fn(JNIEnvPtr, jobjectArray, jsize, jobject) =
                std::mem::transmute(self.slot(SET_OBJECT_ARRAY_ELEMENT));
            let array = new_array(
                self.0,
                args.len() as jsize,
                string_class,
                std::ptr::null_mut(),
            );
            if array.is_null() {
                return None;
            }
            for (i, a) in args.iter().enumerate() {
                let s = self.new_string(a);
                if s.is_null() {
                    return None;
                }
                set(self.0, array, i as jsize, s);
                self.delete_local_ref(s);
            }
            Some(array)
        }
    }

    /// Calls a static `(String[])I` or `(String[])V` method; returns the int (0 for void).
    pub fn call_static(
        &self,
        class: jclass,
        method: jmethodID,
        array: jobjectArray,
        returns_int: bool,
    ) -> jint {
        let args = [jvalue { l: array }];
        // SAFETY: CallStatic<Int|Void>MethodA(JNIEnv*, jclass, jmethodID, const jvalue*).
        unsafe {
            if returns_int {
                let f: unsafe extern "system" fn(
                    JNIEnvPtr,
                    jclass,
                    jmethodID,
                    *const jvalue,
                ) -> jint = std::mem::transmute(self.slot(CALL_STATIC_INT_METHOD_A));
                f(self.0, class, method, args.as_ptr())
            } else {
                let f: unsafe extern "system" fn(JNIEnvPtr, jclass, jmethodID, *const jvalue) =
                    std::mem::transmute(self.slot(CALL_STATIC_VOID_METHOD_A));
                f(self.0, class, method, args.as_ptr());
                0
            }
        }
    }

    fn delete_local_ref(&self, obj: jobject) {
        // SAFETY: DeleteLocalRef(JNIEnv*, jobject).
        unsafe {
            let f: unsafe extern "system" fn(JNIEnvPtr, jobject) =
                std::mem::transmute(self.slot(DELETE_LOCAL_REF));
            f(self.0, obj)
        }
    }

    fn exception_check(&self) -> bool {
        // SAFETY: ExceptionCheck(JNIEnv*) -> jboolean.
        unsafe {
            let f: unsafe extern "system" fn(JNIEnvPtr) -> jboolean =
                std::mem::transmute(self.slot(EXCEPTION_CHECK));
            f(self.0) != 0
        }
    }

    fn exception_clear(&self) {
        // SAFETY: ExceptionClear(JNIEnv*).
        unsafe {
            let f: unsafe extern "system" fn(JNIEnvPtr) =
                std::mem::transmute(self.slot(EXCEPTION_CLEAR));
            f(self.0)
        }
    }

    /// Takes the pending exception, if any: optionally prints its stack trace to stderr
    /// (`ExceptionDescribe`), clears it, and returns its `toString()`.
    pub fn take_exception(&self, print_stack_trace: bool) -> Option<JavaException> {
        if !self.exception_check() {
            return None;
        }
        // SAFETY: the JNI calls below follow jni.h; an exception is pending, so only the
        // exception-handling functions are called until it is cleared.
        unsafe {
            let occurred: unsafe extern "system" fn(JNIEnvPtr) -> jthrowable =
                std::mem::transmute(self.slot(EXCEPTION_OCCURRED));
            let throwable = occurred(self.0);
            if print_stack_trace {
                let describe: unsafe extern "system" fn(JNIEnvPtr) =
                    std::mem::transmute(self.slot(EXCEPTION_DESCRIBE));
                describe(self.0);
            }
            self.exception_clear();
            let no_such_method = {
                let nsme = self.find_class("java/lang/NoSuchMethodError");
                let is_instance: unsafe extern "system" fn(JNIEnvPtr, jobject, jclass) -> jboolean =
                    std::mem::transmute(self.slot(IS_INSTANCE_OF));
                !nsme.is_null() && is_instance(self.0, throwable, nsme) != 0
            };
            let text = self
                .string_of(throwable)
                .unwrap_or_else(|| "a Throwable whose toString() failed".to_string());
            Some(JavaException {
                throwable,
                text,
                no_such_method,
            })
        }
    }

    /// Prints the stack trace of an exception already taken (re-throws it, then `ExceptionDescribe`,
    /// which prints and clears).
    pub fn print_stack_trace(&self, e: &JavaException) {
        // SAFETY: Throw(JNIEnv*, jthrowable) -> jint; ExceptionDescribe(JNIEnv*).
        unsafe {
            let throw: unsafe extern "system" fn(JNIEnvPtr, jthrowable) -> jint =
                std::mem::transmute(self.slot(THROW));
            if throw(self.0, e.throwable) == 0 {
                let describe: unsafe extern "system" fn(JNIEnvPtr) =
                    std::mem::transmute(self.slot(EXCEPTION_DESCRIBE));
                describe(self.0);
            }
            self.exception_clear();
        }
    }

    fn string_of(&self, obj: jobject) -> Option<String> {
        // SAFETY: see take_exception; every failure path clears the exception it raised.
        unsafe {
            let get_class: unsafe extern "system" fn(JNIEnvPtr, jobject) -> jclass =
                std::mem::transmute(self.slot(GET_OBJECT_CLASS));
            let class = get_class(self.0, obj);
            let method = self.get_method_id(class, "toString", "()Ljava/lang/String;");
            if method.is_null() {
                self.exception_clear();
                return None;
            }
            let call: unsafe extern "system" fn(
                JNIEnvPtr,
                jobject,
                jmethodID,
                *const jvalue,
            ) -> jobject = std::mem::transmute(self.slot(CALL_OBJECT_METHOD_A));
            let s = call(self.0, obj, method, std::ptr::null());
            if s.is_null() || self.exception_check() {
                self.exception_clear();
                return None;
            }
            let length: unsafe extern "system" fn(JNIEnvPtr, jstring) -> jsize =
                std::mem::transmute(self.slot(GET_STRING_LENGTH));
            let region: unsafe extern "system" fn(JNIEnvPtr, jstring, jsize, jsize, *mut u16) =
                std::mem::transmute(self.slot(GET_STRING_REGION));
            let n = length(self.0, s);
            let mut units = vec![0u16; n.max(0) as usize];
            region(self.0, s, 0, n, units.as_mut_ptr());
            Some(String::from_utf16_lossy(&units))
        }
    }
}
