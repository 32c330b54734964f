#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace cp {

class Clock;
class IncidentSession;

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
    StatusReportDialog(IncidentSession &session, const Clock &clock, QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return m_editor; }
    void redraft();
    bool logAndCopy();                       // what the default button does; false (and the reason shown) when refused
    QList<qint64> cadencesToRestart() const; // the ticked cadences' timer ids

private:
    IncidentSession &m_session;
    const Clock &m_clock;
    QPlainTextEdit *m_editor;
    QLabel *m_cadenceLabel;
    QWidget *m_cadenceBoxes; // one check box per cadence the report may answer
    QLabel *m_error;
    QPushButton *m_logButton;
};

} // namespace cp
