#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QUndoStack;

namespace cp {

class Clock;
class IncidentStore;
class SaveStatus;

// The status-report composer: a draft of the IC's update from the live state (severity and
// status, what is affected, the roll call's troubles, open actions and owners, the next check-in),
// editable. "Log and copy" logs it as a status entry (undoable), copies it to the clipboard and
// restarts the status-update cadence, so the next update is due a full period from now.
class StatusReportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusReportDialog)

public:
    StatusReportDialog(IncidentStore &store, const Clock &clock, QUndoStack &undoStack, SaveStatus &saveStatus,
                       qint64 incidentId, const QString &author, QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_editor; }
    void redraft();
    bool logAndCopy(); // what the default button does; false (and the reason shown) when refused

private:
    IncidentStore &m_store;
    const Clock &m_clock;
    QUndoStack &m_undoStack;
    SaveStatus &m_saveStatus;
    qint64 m_incidentId;
    QString m_author;
    qint64 m_cadenceId = 0;
    QPlainTextEdit *m_editor;
    QLabel *m_cadenceLabel;
    QLabel *m_error;
    QPushButton *m_logButton;
};

} // namespace cp
