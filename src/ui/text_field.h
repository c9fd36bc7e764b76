// Text fields whose editing is mirrored to the browser's hidden input, so soft keyboards, Vietnamese input
// methods (Telex, VNI, dictation), paste and copy work: the browser edits, the field shows the result (NFC).
// The platform reads TextEdit after each frame and writes incoming text into it; no platform calls here.
#pragma once

#include <string>

namespace ui
{
enum class FieldKind
{
    Text,      // one line of text
    Multiline, // minutes, notes
    Decimal,   // points: the soft keyboard shows digits and a decimal separator
    Integer,   // counts
    Date,      // shown and typed as dd/mm/yyyy (15/12/2025), stored as yyyy-mm-dd; a calendar beside the field
};

struct TextEdit
{
    // Published by the active field each frame (id 0 = no field is being edited).
    unsigned int id = 0;
    FieldKind kind = FieldKind::Text;
    std::string text;             // the field's current text, UTF-8
    int selection_start = 0;      // byte offsets into `text`
    int selection_end = 0;
    float x = 0, y = 0, w = 0, h = 0; // field rectangle, framebuffer pixels (where the soft keyboard aims)
    bool seen = false;            // the active field was drawn this frame

    // Written by the platform from the hidden input; applied by the active field on its next frame.
    bool incoming = false;
    std::string incoming_text;
    int incoming_start = 0;
    int incoming_end = 0;
};

// InputText over std::string, mirrored through `edit`. Returns true when the value changed.
bool TextField(TextEdit& edit, const char* label, std::string* value, FieldKind kind = FieldKind::Text,
               float multiline_height = 0);
// Call once per frame after all screens: forgets the active field when none was drawn.
void EndTextFrame(TextEdit& edit);
} // namespace ui
