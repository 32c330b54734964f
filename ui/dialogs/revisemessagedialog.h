#pragma once

#include "domain/business.h"

#include <QDialog>

class QPlainTextEdit;

namespace cp {

// Revising a draft message: the change last requested (who asked, when, what) as a readable
// paragraph above the message, which is edited in full. Ctrl+Enter revises.
class ReviseMessageDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviseMessageDialog)

public:
    explicit ReviseMessageDialog(const Message &message, QWidget *parent = nullptr);
    QString text() const;

private:
    QPlainTextEdit *m_text;
};

} // namespace cp
