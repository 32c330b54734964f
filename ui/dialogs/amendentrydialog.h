#pragma once

#include "domain/timelineentry.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QPlainTextEdit;

namespace cp {

class Clock;

// Amends one timeline entry: its text, kind, the time it happened (backfill) and the key
// event flag. The original stays in the entry's history; only what changed is amended.
class AmendEntryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AmendEntryDialog)

public:
    // Times are edited in the computer's local time.
    AmendEntryDialog(const TimelineEntry &entry, const Clock &clock, QWidget *parent = nullptr);

    qint64 entryId() const { return m_entry.id; }
    // Only the fields that differ from the entry; empty when nothing changed.
    EntryAmendment amendment() const;

    void setText(const QString &text);
    void setKind(EntryKind kind);
    void setOccurredAt(const QDateTime &utc);
    void setKeyEvent(bool keyEvent);

private:
    void updateButtons();

    TimelineEntry m_entry;
    QPlainTextEdit *m_text;
    QComboBox *m_kind;
    QDateTimeEdit *m_occurred;
    QCheckBox *m_keyEvent;
    QDialogButtonBox *m_buttons;
};

} // namespace cp
