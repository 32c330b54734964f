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
// restarts the status-update cadences the user ticks (internal, external or both; the one due
// first is ticked), so the next update to that audience is due a full period from now.
class StatusReportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusReportDialog)

public:
    StatusReportDialog(IncidentStore &store, const Clock &clock, QUndoStack &undoStack, SaveStatus &saveStatus,
                       qint64 incidentId, const QString &author, QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_editor; }
    void redraft();
    bool logAndCopy();                       // what the default button does; false (and the reason shown) when refused
    QList<qint64> cadencesToRestart() const; // the ticked cadences' timer ids

private:
    IncidentStore &m_store;
    const Clock &m_clock;
    QUndoStack &m_undoStack;
    SaveStatus &m_saveStatus;
    qint64 m_incidentId;
    QString m_author;
    QPlainTextEdit *m_editor;
    QLabel *m_cadenceLabel;
    QWidget *m_cadenceBoxes; // one check box per cadence the report may answer
    QLabel *m_error;
    QPushButton *m_logButton;
};

} // namespace cp
