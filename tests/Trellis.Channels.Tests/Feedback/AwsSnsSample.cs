namespace Trellis.Channels.Tests.Feedback;

/// <summary>
/// A message Amazon SNS really signed (SignatureVersion 1, a Notification with a Subject), with the public certificate
/// SNS signed it with (CN=sns.amazonaws.com, valid 2015-08-07 to 2016-08-21): the test vector of the AWS SDK for
/// Java v2 (services/sns test resources sample-message.json and unit-test-public-cert.pem, Apache-2.0). It checks
/// our string to sign against AWS's own signer, which a key made in the test cannot do.
/// </summary>
internal static class AwsSnsSample
{
    public const string Message = """
        {
          "Type": "Notification",
          "MessageId": "d39649d4-bf5b-5b80-af75-07acb3dd9b4a",
          "TopicArn": "arn:aws:sns:us-east-1:810605503585:just_testing",
          "Subject": "this is raw",
          "Message": "boo",
          "Timestamp": "2015-09-20T01:22:14.001Z",
          "SignatureVersion": "1",
          "Signature": "fQh5DUyhpw41y6tx/BJuqK2Clvs7uY6N7poaOfzK08E+C6saKq9dMz5b9A0lGWWU7VsB+qHELBaL3OdS9U4BmFI36Ppt5Q6BsWmqSho+1hgwBYFFFZghO6BYXxsNmLml1yZl2X+MQKy3D516hgN7pUvYnvvq2cfsvy21ivU6Oiv96gcte2s+aPUi6O9CAdc2GfZRXCqC9wowKoxhFUUQW/UTHQfxt/60qWgNxhhVwAbPtnXWkAXwxixYKl5qOHcl3u2TxkAHn+1X8XmgjnpvEO5p0vQvOEHXBnGsjPglRXE9g5FVnAFXjhvHXeTWUcVLNI0eSRJeOBPbKpkjeDsR4g==",
          "SigningCertURL": "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-bb750dd426d95ee9390147a5624348ee.pem",
          "UnsubscribeURL": "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-1:810605503585:just_testing:3c6297c1-326e-4931-9351-ccc48e02f08a",
          "MessageAttributes": {
            "AWS.SNS.MOBILE.MPNS.Type": {"Type": "String", "Value": "token"},
            "AWS.SNS.MOBILE.MPNS.NotificationClass": {"Type": "String", "Value": "realtime"},
            "AWS.SNS.MOBILE.WNS.Type": {"Type": "String", "Value": "wns/badge"}
          }
        }
        """;

    public const string Certificate = """
        -----BEGIN CERTIFICATE-----
        MIIE2zCCA8OgAwIBAgIQEyYsBRbV0xBZovJwPnu51TANBgkqhkiG9w0BAQsFADB+
        MQswCQYDVQQGEwJVUzEdMBsGA1UEChMUU3ltYW50ZWMgQ29ycG9yYXRpb24xHzAd
        BgNVBAsTFlN5bWFudGVjIFRydXN0IE5ldHdvcmsxLzAtBgNVBAMTJlN5bWFudGVj
        IENsYXNzIDMgU2VjdXJlIFNlcnZlciBDQSAtIEc0MB4XDTE1MDgwNzAwMDAwMFoX
        DTE2MDgyMTIzNTk1OVowazELMAkGA1UEBhMCVVMxEzARBgNVBAgMCldhc2hpbmd0
        b24xEDAOBgNVBAcMB1NlYXR0bGUxGTAXBgNVBAoMEEFtYXpvbi5jb20sIEluYy4x
        GjAYBgNVBAMMEXNucy5hbWF6b25hd3MuY29tMIIBIjANBgkqhkiG9w0BAQEFAAOC
        AQ8AMIIBCgKCAQEAhJxlGxd4K3wE9m2DFSnUDa+8f9VtclE63p3IgP4Ek/JruNCl
        M8yQiZWhXxTu+ASn6plnL5kIQNv/OzpRkC2ko1hjx31JQmjL9H29AlQgVXr4UeIm
        RZc8AGqh00xLvopj3J+t/oigH5zeMh+rhOYoqr9NjvFUIFfFat42XOhUNpOyPiLb
        N6yuD7Vec7jlVeTG9q7W+V0TupmiQ+pM/RX+ksCCFlQkLH8fB3H4Nr7IHjWuAify
        Z+djibL1CR/e2rEDAmpK1wA4Hkx5YFNDAp/WgAs6nSq7MtEvfs1oP1dHwYaNA8Z2
        zcYGqb5ORtz1bFZy+JLzf7K/PnqEzkf8ywC3IwIDAQABo4IBZjCCAWIwHAYDVR0R
        BBUwE4IRc25zLmFtYXpvbmF3cy5jb20wCQYDVR0TBAIwADAOBgNVHQ8BAf8EBAMC
        BaAwHQYDVR0lBBYwFAYIKwYBBQUHAwEGCCsGAQUFBwMCMGEGA1UdIARaMFgwVgYG
        Z4EMAQICMEwwIwYIKwYBBQUHAgEWF2h0dHBzOi8vZC5zeW1jYi5jb20vY3BzMCUG
        CCsGAQUFBwICMBkaF2h0dHBzOi8vZC5zeW1jYi5jb20vcnBhMB8GA1UdIwQYMBaA
        FF9gz2GQVd+EQxSKYCqy9Xr0QxjvMCsGA1UdHwQkMCIwIKAeoByGGmh0dHA6Ly9z
        cy5zeW1jYi5jb20vc3MuY3JsMFcGCCsGAQUFBwEBBEswSTAfBggrBgEFBQcwAYYT
        aHR0cDovL3NzLnN5bWNkLmNvbTAmBggrBgEFBQcwAoYaaHR0cDovL3NzLnN5bWNi
        LmNvbS9zcy5jcnQwDQYJKoZIhvcNAQELBQADggEBADJP+dxUtQlrRiyt4xn8R184
        wjyf/OVfnA2YqIKPQKz17JPwmm1grDGGw2A6LvsIENHZFg67twZqHgrzmtL4iVrv
        lBCef1QA4AUyUZsJWobx7cCB44PlVcfad69q61OzXMSVUSWzyvw3PU7NW/b2Ny9C
        Zj1p/uwaUOlS6NQTkAlAqE8JZK5f8/kAcoebd0GWBcJwZ5AY0/5ZMzaa55hW+im8
        GzjWCO0mkK6swdvpPYPeQUQ2lb/mqj6HBHa864sgPMgjyx9TuviYWsKhbUZIpysy
        tKvJsKCmyR4pp0HpCsf0tOxrWRjH9cnuqrR//iKXPw3HlYpa5wu9c51cLH/D3dU=
        -----END CERTIFICATE-----
        """;
}
