#pragma once

#include "domain/postmortem.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QSpinBox;
class QTextBrowser;
class QToolButton;

namespace cp {

class Clock;
class ExportActions;
class IncidentStore;
class StoreWriter;
class Preferences;

// The postmortem of one incident: the owner and due date the IC names on resolve (the due
// date defaults from the severity: preferences hold the number of days), the draft generated
// from the incident as a live preview, and its exports and printout.
class PostmortemDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PostmortemDialog)

public:
    PostmortemDialog(const StoreWriter &writer, const Clock &clock, Preferences &preferences, qint64 incidentId,
                     ExportActions *exports, QWidget *parent = nullptr);

    qint64 incidentId() const { return m_incidentId; }
    // Saves the owner and due date; false (with the reason shown in the dialog) when refused.
    bool save();
    QString previewHtml() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    void applyDefaultDue();
    QDateTime resolvedOrNow() const;

    const StoreWriter &m_writer;
    IncidentStore &m_store;
    const Clock &m_clock;
    Preferences &m_preferences;
    qint64 m_incidentId;
    ExportActions *m_exports;
    bool m_dueEdited = false;

    QLabel *m_heading;
    QLabel *m_ownerLabel;
    QComboBox *m_owner;
    QLabel *m_dueLabel;
    QDateTimeEdit *m_due;
    QLabel *m_rule;
    QLabel *m_defaultsLabel;
    QSpinBox *m_sev1Days;
    QSpinBox *m_sev2Days;
    QLabel *m_status;
    QTextBrowser *m_preview;
    QPushButton *m_save;
    QToolButton *m_export;
    QPushButton *m_print;
    QPushButton *m_close;
};

} // namespace cp
