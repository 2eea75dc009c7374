//! WebAssembly bindings of the caseflow core, for the page.
//!
//! Glue only: scenarios come in as JavaScript objects (deserialized with
//! `serde-wasm-bindgen`), results go out the same way, and every failure becomes a JavaScript
//! `Error` through one `into_error` helper. An [`caseflow_core::InputError`] keeps its parts
//! (`field`, `value`, `kind`, `allowed`, `min`, `max`) on the error's `detail` property, so the
//! page can word the message in the user's language. Panics are bugs: the panic hook logs
//! them to the console.

use caseflow_core::{InputError, PARAMS, Scenario};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Called once when the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The caseflow version.
#[wasm_bindgen]
pub fn version() -> String {
    caseflow_core::VERSION.to_owned()
}

/// Every user-settable parameter with its labels, unit, default, range and source.
#[wasm_bindgen]
pub fn parameters() -> Result<JsValue, JsError> {
    to_js(PARAMS)
}

/// The default scenario.
#[wasm_bindgen(js_name = defaultScenario)]
pub fn default_scenario() -> Result<JsValue, JsError> {
    to_js(&Scenario::default())
}

/// Run a scenario (a plain object; missing fields take their defaults) and return its results.
#[wasm_bindgen]
pub fn run(scenario: JsValue) -> Result<JsValue, JsValue> {
    let scenario: Scenario = serde_wasm_bindgen::from_value(scenario)
        .map_err(|e| js_sys::Error::new(&format!("scenario: {e}")))?;
    let results = caseflow_core::simulate(&scenario).map_err(into_error)?;
    to_js(&results).map_err(JsValue::from)
}

/// Turn an input error into a JavaScript `Error` with the English message and a `detail`
/// object holding its parts.
fn into_error(e: InputError) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    if let Ok(detail) = to_js(&e) {
        // Setting a property on a fresh Error object cannot fail.
        let _ = js_sys::Reflect::set(&error, &JsValue::from_str("detail"), &detail);
    }
    error.into()
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    // Plain objects rather than Maps, so the page can read fields directly.
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&ser)
        .map_err(|e| JsError::new(&e.to_string()))
}
