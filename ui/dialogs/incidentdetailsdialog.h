#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace cp {

// Edits an incident's title and summary.
class IncidentDetailsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentDetailsDialog)

public:
    IncidentDetailsDialog(const QString &title, const QString &summary, QWidget *parent = nullptr);

    QString title() const;
    QString summary() const;
    void setTitle(const QString &title);
    void setSummary(const QString &summary);

private:
    void updateButtons();

    QLineEdit *m_title;
    QPlainTextEdit *m_summary;
    QDialogButtonBox *m_buttons;
};

} // namespace cp
