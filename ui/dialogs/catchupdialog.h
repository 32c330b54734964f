#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace cp {

// Shows a generated text (the incoming commander's catch-up) with a Copy button.
class CatchUpDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatchUpDialog)

public:
    CatchUpDialog(const QString &title, const QString &text, QWidget *parent = nullptr);
    QString text() const;
    void copy();

private:
    QPlainTextEdit *m_text;
};

} // namespace cp
