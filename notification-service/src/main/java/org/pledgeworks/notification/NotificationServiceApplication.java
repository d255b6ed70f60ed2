package org.pledgeworks.notification;

import org.pledgeworks.notification.mail.MailStreams;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotificationServiceApplication {

    public static void main(String[] args) {
        MailStreams.nameTheProvider();
        SpringApplication.run(NotificationServiceApplication.class, args);
    }
}
