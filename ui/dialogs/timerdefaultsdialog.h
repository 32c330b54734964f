#pragma once

#include "domain/incident.h"
#include "domain/timerdefaults.h"

#include <QDialog>

class QComboBox;
class QTableWidget;

namespace cp {

class Preferences;

// Timers ▸ Timer defaults: the timers started when an incident is declared, per severity.
// Each can be switched off and given other minutes; OK saves the changes to the preferences
// (only what differs from the built-in values is kept).
class TimerDefaultsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimerDefaultsDialog)

public:
    enum Column
    {
        EnabledColumn,
        LabelColumn,
        OwnerColumn,
        MinutesColumn,
        FirstAfterColumn,
        ColumnCount
    };

    explicit TimerDefaultsDialog(Preferences &preferences, QWidget *parent = nullptr);

    Severity severity() const;
    void setSeverity(Severity severity);
    // The changes as edited so far (all severities), including the table shown.
    TimerDefaultOverrides overrides() const;

    void accept() override;

private:
    void showSeverity(Severity severity);
    void collectTable(TimerDefaultOverrides &into) const;
    void restoreBuiltIns();

    Preferences &m_preferences;
    TimerDefaultOverrides m_overrides;
    Severity m_shown = Severity::Sev1;
    QComboBox *m_severity = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace cp
